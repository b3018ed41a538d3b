using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Onboarding;
using WabaActors.Grains.Quota;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Telemetry;

namespace WabaActors.Grains.Accounts;

/// <summary>The commerce-review deadline reminder, and the view (numbers and quota read from their grains).</summary>
public sealed partial class AccountGrain
{
    private const string ReviewReminder = "commerce-review-due";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReviewReminder && state.State.Account is { } account)
        {
            var now = clock.GetUtcNow();
            var change = account.CommerceReviewDeadlineReached(now);
            if (change.HasChanges)
            {
                metrics.ReminderLate(DeadlineReminder.CommerceReview, now - account.CommerceReview!.DueAt);
            }

            await SaveAsync(change);
        }
    }

    /// <summary>A pending review not yet raised overdue has a reminder at its due instant; otherwise none.</summary>
    private async Task EnsureReviewReminderAsync(Account account)
    {
        var wanted = account.CommerceReview is { Status: ReviewStatus.Pending, OverdueRaised: false } review ? review : null;
        var existing = await this.GetReminder(ReviewReminder);
        if (wanted is null)
        {
            if (existing is not null)
            {
                await this.UnregisterReminder(existing);
            }

            return;
        }

        if (existing is null)
        {
            var due = wanted.DueAt - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(ReviewReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, options.Value.ReminderPeriod);
        }
    }

    private async Task<AccountView> ViewAsync(Account account, DateTimeOffset now)
    {
        var scope = new Scope(account.Tenant, account.Waba);
        var numbers = await Task.WhenAll(account.Numbers.Select(n => GrainFactory.Reference<INumberGrain>(n.Phone).GetAsync(scope).AsTask()));
        var limit = account.TemplateRecipientLimit(rules);
        var usage = await GrainFactory.Reference<ITemplateQuotaGrain>(QuotaKeys.For(account, rules)).UsageAsync(limit);
        return account.ToView(rules, usage, [.. numbers.Where(n => n.IsSuccess).Select(n => n.Value!)], now);
    }
}
