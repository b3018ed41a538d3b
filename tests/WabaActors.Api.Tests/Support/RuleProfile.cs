namespace WabaActors.Api.Tests.Support;

/// <summary>
/// What a rule profile promises, written down from README.md, docs/configuration.md ("Rules") and
/// docs/portfolios.md — not read from the service's own <c>WabaRules</c>, so that a changed figure in src
/// fails the tests instead of moving them along.
/// </summary>
/// <param name="TemplateLimit">Unique template recipients per rolling 24 h before business verification.</param>
/// <param name="VerifiedTemplateLimit">… once business verification is <c>verified</c>.</param>
/// <param name="NumberLimit">Phone numbers before business verification.</param>
/// <param name="VerifiedNumberLimit">… once verified.</param>
/// <param name="HoldsSendsWhileReviewPending">A live account whose commerce-policy review is pending sends nothing (<c>account_under_review</c>).</param>
/// <param name="PortfolioLimits">Limits are shared by the business portfolio (every WABA naming the same Business Manager id).</param>
public sealed record RuleProfile(
    string Name,
    int TemplateLimit,
    int VerifiedTemplateLimit,
    int NumberLimit,
    int VerifiedNumberLimit,
    bool HoldsSendsWhileReviewPending,
    bool PortfolioLimits)
{
    /// <summary>The source document's rules: the default.</summary>
    public static RuleProfile Document { get; } = new("document", 50, 1_000, 2, 20, HoldsSendsWhileReviewPending: false, PortfolioLimits: false);

    /// <summary><c>WabaActors:Rules:Profile=meta</c>: Meta's current figures.</summary>
    public static RuleProfile Meta { get; } = new("meta", 250, 2_000, 2, 20, HoldsSendsWhileReviewPending: true, PortfolioLimits: true);

    public override string ToString() => Name;
}
