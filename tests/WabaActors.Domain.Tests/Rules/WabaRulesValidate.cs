using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.Rules;

public class WabaRulesValidate
{
    [Fact]
    public void FindsNothingGivenEitherProfile()
    {
        Assert.Empty(WabaRules.Document.Validate());
        Assert.Empty(WabaRules.Meta.Validate());
    }

    public static TheoryData<string, string> BrokenKnobs => new()
    {
        { "TemplateRecipientLimit=-1", "TemplateRecipientLimit" },
        { "VerifiedTemplateRecipientLimit=49", "VerifiedTemplateRecipientLimit" },
        { "NumberLimit=0", "NumberLimit" },
        { "NumberLimit=-2", "NumberLimit" },
        { "VerifiedNumberLimit=1", "VerifiedNumberLimit" },
        { "CodeLength=3", "CodeLength" },
        { "CodeLength=11", "CodeLength" },
        { "MaxCodeAttempts=0", "MaxCodeAttempts" },
        { "GrantRetention=23h", "GrantRetention" },
        { "TemplateRecipientPeriod=25h", "GrantRetention" },
        { "SessionReplayHorizon=0", "SessionReplayHorizon" },
        { "SessionReplayHorizon=25h", "SessionReplayHorizon" },
        { "ServiceWindow=0", "ServiceWindow" },
        { "CodeTtl=-1s", "CodeTtl" },
        { "CommerceReviewDue=0", "CommerceReviewDue" },
        { "DisplayNameReviewDue=0", "DisplayNameReviewDue" },
        { "CodeResendCooldown=-1s", "CodeResendCooldown" },
        { "FutureTimestampTolerance=-1s", "FutureTimestampTolerance" },
    };

    [Theory]
    [MemberData(nameof(BrokenKnobs))]
    public void NamesTheKnobGivenOneBrokenKnob(string change, string named)
    {
        var rules = Apply(WabaRules.Document, change);

        var error = Assert.Single(rules.Validate());

        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TemplateRecipientLimit=0")]
    [InlineData("VerifiedTemplateRecipientLimit=50")]
    [InlineData("NumberLimit=1")]
    [InlineData("VerifiedNumberLimit=2")]
    [InlineData("CodeLength=4")]
    [InlineData("CodeLength=10")]
    [InlineData("MaxCodeAttempts=1")]
    [InlineData("CodeResendCooldown=0")]
    [InlineData("FutureTimestampTolerance=0")]
    public void FindsNothingGivenKnobAtItsBound(string change)
    {
        Assert.Empty(Apply(WabaRules.Document, change).Validate());
    }

    [Fact]
    public void FindsNothingGivenGrantRetentionEqualToThePeriod()
    {
        var rules = WabaRules.Document with { TemplateRecipientPeriod = TimeSpan.FromHours(36), GrantRetention = TimeSpan.FromHours(36) };

        Assert.Empty(rules.Validate());
    }

    [Fact]
    public void ReportsEveryBrokenKnobAtOnce()
    {
        var rules = WabaRules.Meta with { NumberLimit = 0, MaxCodeAttempts = 0, GrantRetention = TimeSpan.FromHours(1) };

        Assert.Equal(3, rules.Validate().Count);
    }

    private static WabaRules Apply(WabaRules rules, string change) => change switch
    {
        "TemplateRecipientLimit=-1" => rules with { TemplateRecipientLimit = -1 },
        "TemplateRecipientLimit=0" => rules with { TemplateRecipientLimit = 0 },
        "VerifiedTemplateRecipientLimit=49" => rules with { VerifiedTemplateRecipientLimit = 49 },
        "VerifiedTemplateRecipientLimit=50" => rules with { VerifiedTemplateRecipientLimit = 50 },
        "NumberLimit=0" => rules with { NumberLimit = 0 },
        "NumberLimit=-2" => rules with { NumberLimit = -2 },
        "NumberLimit=1" => rules with { NumberLimit = 1 },
        "VerifiedNumberLimit=1" => rules with { VerifiedNumberLimit = 1 },
        "VerifiedNumberLimit=2" => rules with { VerifiedNumberLimit = 2 },
        "CodeLength=3" => rules with { CodeLength = 3 },
        "CodeLength=4" => rules with { CodeLength = 4 },
        "CodeLength=10" => rules with { CodeLength = 10 },
        "CodeLength=11" => rules with { CodeLength = 11 },
        "MaxCodeAttempts=0" => rules with { MaxCodeAttempts = 0 },
        "MaxCodeAttempts=1" => rules with { MaxCodeAttempts = 1 },
        "GrantRetention=23h" => rules with { GrantRetention = TimeSpan.FromHours(23) },
        "TemplateRecipientPeriod=25h" => rules with { TemplateRecipientPeriod = TimeSpan.FromHours(25) },
        "SessionReplayHorizon=0" => rules with { SessionReplayHorizon = TimeSpan.Zero },
        "SessionReplayHorizon=25h" => rules with { SessionReplayHorizon = TimeSpan.FromHours(25) },
        "ServiceWindow=0" => rules with { ServiceWindow = TimeSpan.Zero },
        "CodeTtl=-1s" => rules with { CodeTtl = TimeSpan.FromSeconds(-1) },
        "CommerceReviewDue=0" => rules with { CommerceReviewDue = TimeSpan.Zero },
        "DisplayNameReviewDue=0" => rules with { DisplayNameReviewDue = TimeSpan.Zero },
        "CodeResendCooldown=-1s" => rules with { CodeResendCooldown = TimeSpan.FromSeconds(-1) },
        "CodeResendCooldown=0" => rules with { CodeResendCooldown = TimeSpan.Zero },
        "FutureTimestampTolerance=-1s" => rules with { FutureTimestampTolerance = TimeSpan.FromSeconds(-1) },
        "FutureTimestampTolerance=0" => rules with { FutureTimestampTolerance = TimeSpan.Zero },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "no such change in this table"),
    };
}
