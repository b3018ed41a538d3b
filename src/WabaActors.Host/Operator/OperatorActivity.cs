using Microsoft.Extensions.Options;
using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Templates;
using WabaActors.Domain.Common;
using WabaActors.Grains;
using WabaActors.Host.Api;
using WabaActors.Host.Security;

namespace WabaActors.Host.Operator;

/// <summary>
/// The operator page's data (<see cref="OperatorActivityView"/>), operator key only: the account's templates, and over
/// its numbers the billable decisions of the last 24 h and the verdicts in force, customer ids masked before they leave.
/// </summary>
public static class OperatorActivity
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(24);

    /// <summary>Maps <c>GET {prefix}/accounts/{tenant}/{waba}/activity</c> on the page's group.</summary>
    public static RouteGroupBuilder MapOperatorActivity(this RouteGroupBuilder group)
    {
        group.MapGet("/accounts/{tenant}/{waba}/activity", GetAsync).RequireOperatorKey();
        return group;
    }

    private static async Task<IResult> GetAsync(string tenant, string waba, IGrainFactory grains, RulesClock clock, IOptions<GrainOptions> options, HttpContext http)
    {
        if (PathIds.Check(tenant, waba) is { } invalid)
        {
            return invalid;
        }

        var account = grains.Reference<IAccountGrain>(waba);
        var view = await account.GetAsync(tenant);
        if (view.Failure is { } missing)
        {
            return missing.ToProblem(clock.Now);
        }

        var owner = new Scope(tenant, waba);
        var templates = account.GetTemplatesAsync(tenant).AsTask();
        var numbers = view.Value!.Numbers.Select(n => n.Phone).ToList();
        var activities = await Task.WhenAll(numbers.Select(p => grains.Reference<INumberGrain>(p).GetActivityAsync(owner).AsTask()));
        var registry = await templates;
        if ((registry.Failure ?? activities.FirstOrDefault(a => a.Failure is not null)?.Failure) is { } failure)
        {
            return failure.ToProblem(clock.Now);
        }

        var now = clock.Now.GetUtcNow();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new OperatorActivityView(
            now,
            [.. registry.Value!.Templates.Select(Template)],
            Billable(now, activities.Select(a => a.Value!)),
            Verdicts(numbers.Zip(activities, (phone, a) => (phone, a.Value!)), options.Value.ActivityVerdictPage)));
    }

    private static OperatorTemplateView Template(TemplateView t) => new(
        t.Name, t.Language, t.Category is { } c ? SnakeCase.Of(c) : null, SnakeCase.Of(t.Status),
        t.Status == TemplateStatus.Paused ? t.PausedUntil : null, t.UpdatedAt, t.Sendable);

    private static OperatorBillableView Billable(DateTimeOffset now, IEnumerable<NumberActivity> activities)
    {
        var counts = activities.SelectMany(a => a.Billable).GroupBy(b => b.Category).ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        var byCategory = Enum.GetValues<PricingCategory>().Select(c => new OperatorBillableCount(SnakeCase.Of(c), counts.GetValueOrDefault(c))).ToList();
        return new OperatorBillableView(now - Period, now, byCategory.Sum(c => c.Count), byCategory);
    }

    /// <summary>
    /// A page of the account's verdicts (as many as one number answers at most, <c>WabaActors:Grains:ActivityVerdictPage</c>),
    /// one per customer and reason with the numbers holding it: a 131049 reaches every number of the account. The total
    /// counts a verdict held by several numbers once when every number answered all of its verdicts, else at most.
    /// </summary>
    private static OperatorVerdictsView Verdicts(IEnumerable<(string Phone, NumberActivity Activity)> numbers, int page)
    {
        var list = numbers.ToList();
        var held = list.SelectMany(n => n.Activity.Verdicts.Select(v => (n.Phone, Verdict: v))).ToList();
        var merged = held.GroupBy(h => (h.Verdict.Customer, h.Verdict.Reason)).Select(g => new OperatorVerdictView(
                [.. g.Select(h => h.Phone).Distinct().Order(StringComparer.Ordinal)], CustomerMask.Of(g.Key.Customer), SnakeCase.Of(g.Key.Reason),
                g.Max(h => h.Verdict.Since), g.Any(h => h.Verdict.Until is null) ? null : g.Max(h => h.Verdict.Until)))
            .ToList();
        var shown = merged.OrderByDescending(v => v.Since).ThenBy(v => v.Numbers[0], StringComparer.Ordinal).Take(page).ToList();
        var total = list.Sum(n => n.Activity.VerdictCount) - (held.Count - merged.Count);
        return new OperatorVerdictsView(total, list.All(n => n.Activity.Verdicts.Count == n.Activity.VerdictCount), shown);
    }
}
