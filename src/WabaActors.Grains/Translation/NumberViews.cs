using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Rules;

namespace WabaActors.Grains.Translation;

/// <summary>Domain number → the number view of the HTTP contract.</summary>
internal static class NumberViews
{
    public static NumberView ToView(this NumberRegistration n, WabaRules rules, DateTimeOffset now) => new(
        n.Phone,
        SnakeCase.Of(n.Status),
        new VerificationView(SnakeCase.Of(n.Method), n.Code?.ExpiresAt, n.AttemptsLeft(rules)),
        n.RegisteredAt,
        n.BillingStartedAt,
        n.DisplayName is { } d
            ? new DisplayNameView(d.Name, SnakeCase.Of(d.Review.Status), d.Review.DueAt, d.Review.IsOverdue(now))
            {
                DecidedAt = d.Review.DecidedAt,
                Reason = d.Review.Reason,
            }
            : new DisplayNameView(null, "none", null, false));
}
