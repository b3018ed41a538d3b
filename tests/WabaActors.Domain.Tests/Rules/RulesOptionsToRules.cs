using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.Rules;

public class RulesOptionsToRules
{
    [Fact]
    public void GivesTheDocumentsRulesGivenNothingConfigured()
    {
        Assert.Equal(RulesOptions.DocumentProfile, new RulesOptions().Profile);
        Assert.Equal(WabaRules.Document, new RulesOptions().ToRules());
    }

    [Theory]
    [InlineData("document", "document")]
    [InlineData("Document", "document")]
    [InlineData("meta", "meta")]
    [InlineData("META", "meta")]
    [InlineData(" meta ", "meta")]
    public void GivesTheNamedProfileGivenProfileInAnyCase(string profile, string expected)
    {
        var rules = new RulesOptions { Profile = profile }.ToRules();

        Assert.Equal(expected == "meta" ? WabaRules.Meta : WabaRules.Document, rules);
    }

    [Theory]
    [InlineData("")]
    [InlineData("strict")]
    [InlineData("documents")]
    [InlineData("meta2025")]
    public void ThrowsNamingTheOptionGivenUnknownProfile(string profile)
    {
        var error = Assert.Throws<ArgumentException>(() => new RulesOptions { Profile = profile }.ToRules());

        Assert.Contains("WabaActors:Rules:Profile", error.Message, StringComparison.Ordinal);
        Assert.Contains(profile, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> KnobsOnProfiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var profile in new[] { RulesOptions.DocumentProfile, RulesOptions.MetaProfile })
        {
            foreach (var knob in Knobs.Keys)
            {
                data.Add(profile, knob);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KnobsOnProfiles))]
    public void ChangesOnlyThatKnobGivenOneKnobSetOnAProfile(string profile, string knob)
    {
        var baseline = profile == RulesOptions.MetaProfile ? WabaRules.Meta : WabaRules.Document;
        var options = new RulesOptions { Profile = profile };
        var expected = Knobs[knob](options, baseline);

        var rules = options.ToRules();

        Assert.NotEqual(baseline, expected);
        Assert.Equal(expected, rules);
    }

    [Fact]
    public void CoversEveryKnobOfTheOptions()
    {
        var knobs = typeof(RulesOptions).GetProperties().Select(p => p.Name).Where(n => n != nameof(RulesOptions.Profile));

        Assert.Equal(knobs.Order(StringComparer.Ordinal), Knobs.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Per knob: set it on the options to a value unlike the profile's, and return the profile with that value.</summary>
    private static readonly Dictionary<string, Func<RulesOptions, WabaRules, WabaRules>> Knobs = new(StringComparer.Ordinal)
    {
        [nameof(RulesOptions.ServiceWindow)] = (o, p) => p with { ServiceWindow = (o.ServiceWindow = TimeSpan.FromHours(12)).Value },
        [nameof(RulesOptions.FutureTimestampTolerance)] = (o, p) => p with { FutureTimestampTolerance = (o.FutureTimestampTolerance = TimeSpan.FromMinutes(1)).Value },
        [nameof(RulesOptions.TemplateRecipientPeriod)] = (o, p) => p with { TemplateRecipientPeriod = (o.TemplateRecipientPeriod = TimeSpan.FromHours(12)).Value },
        [nameof(RulesOptions.TemplateRecipientLimit)] = (o, p) => p with { TemplateRecipientLimit = (o.TemplateRecipientLimit = 77).Value },
        [nameof(RulesOptions.VerifiedTemplateRecipientLimit)] = (o, p) => p with { VerifiedTemplateRecipientLimit = (o.VerifiedTemplateRecipientLimit = 10_000).Value },
        [nameof(RulesOptions.TemplateRecipientScope)] = (o, p) => p with { TemplateRecipientScope = (o.TemplateRecipientScope = Other(p.TemplateRecipientScope)).Value },
        [nameof(RulesOptions.NumberLimit)] = (o, p) => p with { NumberLimit = (o.NumberLimit = 3).Value },
        [nameof(RulesOptions.VerifiedNumberLimit)] = (o, p) => p with { VerifiedNumberLimit = (o.VerifiedNumberLimit = 25).Value },
        [nameof(RulesOptions.NumberLimitScope)] = (o, p) => p with { NumberLimitScope = (o.NumberLimitScope = Other(p.NumberLimitScope)).Value },
        [nameof(RulesOptions.CodeLength)] = (o, p) => p with { CodeLength = (o.CodeLength = 8).Value },
        [nameof(RulesOptions.MarketingLimitHold)] = (o, p) => p with { MarketingLimitHold = (o.MarketingLimitHold = TimeSpan.FromHours(48)).Value },
        [nameof(RulesOptions.OptOutRetention)] = (o, p) => p with { OptOutRetention = (o.OptOutRetention = TimeSpan.FromDays(30)).Value },
        [nameof(RulesOptions.OutcomeRetention)] = (o, p) => p with { OutcomeRetention = (o.OutcomeRetention = TimeSpan.FromDays(3)).Value },
        [nameof(RulesOptions.CodeTtl)] = (o, p) => p with { CodeTtl = (o.CodeTtl = TimeSpan.FromMinutes(5)).Value },
        [nameof(RulesOptions.MaxCodeAttempts)] = (o, p) => p with { MaxCodeAttempts = (o.MaxCodeAttempts = 3).Value },
        [nameof(RulesOptions.CodeResendCooldown)] = (o, p) => p with { CodeResendCooldown = (o.CodeResendCooldown = TimeSpan.FromSeconds(30)).Value },
        [nameof(RulesOptions.CommerceReviewDue)] = (o, p) => p with { CommerceReviewDue = (o.CommerceReviewDue = TimeSpan.FromHours(24)).Value },
        [nameof(RulesOptions.DisplayNameReviewDue)] = (o, p) => p with { DisplayNameReviewDue = (o.DisplayNameReviewDue = TimeSpan.FromHours(24)).Value },
        [nameof(RulesOptions.SendsAllowedWhileReviewPending)] = (o, p) => p with { SendsAllowedWhileReviewPending = (o.SendsAllowedWhileReviewPending = !p.SendsAllowedWhileReviewPending).Value },
        [nameof(RulesOptions.GrantRetention)] = (o, p) => p with { GrantRetention = (o.GrantRetention = TimeSpan.FromHours(36)).Value },
        [nameof(RulesOptions.SessionReplayHorizon)] = (o, p) => p with { SessionReplayHorizon = (o.SessionReplayHorizon = TimeSpan.FromMinutes(3)).Value },
        [nameof(RulesOptions.LinkRetention)] = (o, p) => p with { LinkRetention = (o.LinkRetention = TimeSpan.FromHours(72)).Value },
    };

    private static QuotaScope Other(QuotaScope scope) => scope == QuotaScope.Account ? QuotaScope.Portfolio : QuotaScope.Account;
}
