namespace WabaActors.Host.Operator;

/// <summary>
/// What the operator page shows of an account's sending (<c>GET /operator/accounts/{tenant}/{waba}/activity</c>):
/// its templates, its billable decisions of the last 24 h by pricing category, and the per-customer verdicts in force.
/// </summary>
/// <param name="AsOf">The service's now, when the figures were read.</param>
/// <param name="Templates">The account's template registry, by name then language.</param>
/// <param name="Billable">Billable allowed decisions of the last 24 h over the account's numbers.</param>
/// <param name="Verdicts">The per-customer verdicts in force over the account's numbers, at most a page.</param>
public sealed record OperatorActivityView(
    DateTimeOffset AsOf,
    IReadOnlyList<OperatorTemplateView> Templates,
    OperatorBillableView Billable,
    OperatorVerdictsView Verdicts);

/// <summary>One template: <c>category</c> and <c>status</c> in snake case; <c>pausedUntil</c> only while paused (null when Meta gave no end).</summary>
public sealed record OperatorTemplateView(
    string Name, string Language, string? Category, string Status, DateTimeOffset? PausedUntil, DateTimeOffset UpdatedAt, bool Sendable);

/// <summary>Billable decisions in (<c>from</c>, <c>to</c>]: every pricing category, in the contract's order, and their total.</summary>
public sealed record OperatorBillableView(DateTimeOffset From, DateTimeOffset To, int Total, IReadOnlyList<OperatorBillableCount> ByCategory);

/// <summary>Billable decisions of one pricing category (<c>service</c>, <c>marketing</c>, <c>utility</c>, <c>authentication</c>, <c>unknown</c>).</summary>
public sealed record OperatorBillableCount(string Category, int Count);

/// <summary>
/// At most a page of verdicts (<c>WabaActors:Grains:ActivityVerdictPage</c>), newest first, of <see cref="Total"/> in force:
/// exactly that many when <see cref="Exact"/>, else at most (a number held more than a page, so shared ones may count twice).
/// </summary>
public sealed record OperatorVerdictsView(int Total, bool Exact, IReadOnlyList<OperatorVerdictView> Shown);

/// <summary>
/// A verdict in force on <see cref="Numbers"/> (the account's own numbers holding it): <see cref="Customer"/> masked to its
/// last four characters (personal data), <see cref="Reason"/> as the denial it causes, <see cref="Until"/> null until a resume.
/// </summary>
public sealed record OperatorVerdictView(IReadOnlyList<string> Numbers, string Customer, string Reason, DateTimeOffset Since, DateTimeOffset? Until);
