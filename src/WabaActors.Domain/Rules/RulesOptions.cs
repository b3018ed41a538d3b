namespace WabaActors.Domain.Rules;

/// <summary>
/// The rule knobs as configuration (section <see cref="Section"/>): a <see cref="Profile"/>
/// (<c>document</c>, the default, or <c>meta</c>) and any knob set alone on top of it.
/// </summary>
public sealed class RulesOptions
{
    public const string Section = "WabaActors:Rules";
    public const string DocumentProfile = "document";
    public const string MetaProfile = "meta";

    public string Profile { get; set; } = DocumentProfile;
    public TimeSpan? ServiceWindow { get; set; }
    public TimeSpan? FutureTimestampTolerance { get; set; }
    public TimeSpan? TemplateRecipientPeriod { get; set; }
    public int? TemplateRecipientLimit { get; set; }
    public int? VerifiedTemplateRecipientLimit { get; set; }
    public QuotaScope? TemplateRecipientScope { get; set; }
    public int? NumberLimit { get; set; }
    public int? VerifiedNumberLimit { get; set; }
    public QuotaScope? NumberLimitScope { get; set; }
    public int? CodeLength { get; set; }
    public TimeSpan? CodeTtl { get; set; }
    public int? MaxCodeAttempts { get; set; }
    public TimeSpan? CodeResendCooldown { get; set; }
    public TimeSpan? CommerceReviewDue { get; set; }
    public TimeSpan? DisplayNameReviewDue { get; set; }
    public bool? SendsAllowedWhileReviewPending { get; set; }
    public TimeSpan? GrantRetention { get; set; }
    public TimeSpan? SessionReplayHorizon { get; set; }
    public TimeSpan? LinkRetention { get; set; }
    public TimeSpan? MarketingLimitHold { get; set; }
    public TimeSpan? OptOutRetention { get; set; }
    public TimeSpan? OutcomeRetention { get; set; }

    /// <summary>The profile's rules with every knob that is set here applied on top.</summary>
    public WabaRules ToRules() => ToRules(null, null, null);

    /// <summary>The rules with the pacing, templates and pricing sections applied too (each optional).</summary>
    public WabaRules ToRules(PacingOptions? pacing, TemplatesOptions? templates, PricingOptions? pricing)
    {
        var profile = (Profile ?? DocumentProfile).Trim().ToLowerInvariant() switch
        {
            DocumentProfile => WabaRules.Document,
            MetaProfile => WabaRules.Meta,
            _ => throw new ArgumentException($"{Section}:{nameof(Profile)} must be '{DocumentProfile}' or '{MetaProfile}', not '{Profile}'."),
        };
        return profile with
        {
            ServiceWindow = ServiceWindow ?? profile.ServiceWindow,
            FutureTimestampTolerance = FutureTimestampTolerance ?? profile.FutureTimestampTolerance,
            TemplateRecipientPeriod = TemplateRecipientPeriod ?? profile.TemplateRecipientPeriod,
            TemplateRecipientLimit = TemplateRecipientLimit ?? profile.TemplateRecipientLimit,
            VerifiedTemplateRecipientLimit = VerifiedTemplateRecipientLimit ?? profile.VerifiedTemplateRecipientLimit,
            TemplateRecipientScope = TemplateRecipientScope ?? profile.TemplateRecipientScope,
            NumberLimit = NumberLimit ?? profile.NumberLimit,
            VerifiedNumberLimit = VerifiedNumberLimit ?? profile.VerifiedNumberLimit,
            NumberLimitScope = NumberLimitScope ?? profile.NumberLimitScope,
            CodeLength = CodeLength ?? profile.CodeLength,
            CodeTtl = CodeTtl ?? profile.CodeTtl,
            MaxCodeAttempts = MaxCodeAttempts ?? profile.MaxCodeAttempts,
            CodeResendCooldown = CodeResendCooldown ?? profile.CodeResendCooldown,
            CommerceReviewDue = CommerceReviewDue ?? profile.CommerceReviewDue,
            DisplayNameReviewDue = DisplayNameReviewDue ?? profile.DisplayNameReviewDue,
            SendsAllowedWhileReviewPending = SendsAllowedWhileReviewPending ?? profile.SendsAllowedWhileReviewPending,
            GrantRetention = GrantRetention ?? profile.GrantRetention,
            SessionReplayHorizon = SessionReplayHorizon ?? profile.SessionReplayHorizon,
            LinkRetention = LinkRetention ?? profile.LinkRetention,
            MarketingLimitHold = MarketingLimitHold ?? profile.MarketingLimitHold,
            OptOutRetention = OptOutRetention ?? profile.OptOutRetention,
            OutcomeRetention = OutcomeRetention ?? profile.OutcomeRetention,
            Pacing = pacing?.Apply(profile.Pacing) ?? profile.Pacing,
            RequireKnownTemplates = templates?.RequireKnown ?? profile.RequireKnownTemplates,
            Pricing = pricing?.ToSchedule() ?? profile.Pricing,
        };
    }
}
