using WabaActors.Domain.Common;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Numbers;

public class NumberRegistrationStart
{
    private const string Phone = TestNumbers.Phone;

    private static Result<(NumberRegistration Number, IReadOnlyList<string> Warnings)> Start(
        string? method, bool? inUse, bool? ivrDisabled, DateTimeOffset now) =>
        NumberRegistration.Start(Phone, TestAccounts.Tenant, TestAccounts.Waba, method, inUse, ivrDisabled, now);

    [Theory]
    [Trait("Rule", "verification-method")]
    [Trait("Rule", "billing-start")]
    [InlineData("sms", VerificationMethod.Sms)]
    [InlineData("voice", VerificationMethod.Voice)]
    public void StartsAwaitingCodeGivenKnownMethodAndNotInUse(string method, VerificationMethod expected)
    {
        var now = TestClock.New().GetUtcNow();

        var number = Start(method, false, true, now).Value.Number;

        Assert.Equal(expected, number.Method);
        Assert.Equal(Phone, number.Phone);
        Assert.Equal(now, number.AddedAt);
        Assert.Equal(NumberStatus.CodeSent, number.Status);
        Assert.False(number.IsRegistered);
        Assert.Null(number.Code);
        Assert.Null(number.BillingStartedAt);
    }

    [Theory]
    [Trait("Rule", "verification-method")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SMS")]
    [InlineData("Voice")]
    [InlineData("call")]
    [InlineData("email")]
    [InlineData("other")]
    public void RefusesWithVerificationMethodFieldErrorGivenUnknownMethod(string? method)
    {
        var now = TestClock.New().GetUtcNow();

        Start(method, false, null, now).Invalid("verificationMethod");
    }

    [Fact]
    [Trait("Rule", "number-not-in-whatsapp-app")]
    public void RefusesWithInUseFieldErrorGivenAttestationMissing()
    {
        var now = TestClock.New().GetUtcNow();

        Start("sms", null, null, now).Invalid("inUseInWhatsAppApp");
    }

    [Fact]
    [Trait("Rule", "number-not-in-whatsapp-app")]
    [Trait("Rule", "verification-method")]
    public void NamesBothFieldsGivenMethodAndAttestationInvalid()
    {
        var now = TestClock.New().GetUtcNow();

        Start("fax", null, null, now).Invalid("verificationMethod", "inUseInWhatsAppApp");
    }

    [Theory]
    [Trait("Rule", "number-not-in-whatsapp-app")]
    [InlineData("sms")]
    [InlineData("voice")]
    public void RefusesNumberInUseInWhatsAppAppGivenInUseTrue(string method)
    {
        var now = TestClock.New().GetUtcNow();

        Start(method, true, true, now).Refused(ErrorCodes.NumberInUseInWhatsAppApp);
    }

    [Theory]
    [Trait("Rule", "verification-method")]
    [InlineData("voice", null, true)]
    [InlineData("voice", false, true)]
    [InlineData("voice", true, false)]
    [InlineData("sms", null, false)]
    [InlineData("sms", false, false)]
    [InlineData("sms", true, false)]
    public void WarnsThatIvrMayBlockTheCallOnlyGivenVoiceWithoutIvrDisabled(string method, bool? ivrDisabled, bool warns)
    {
        var now = TestClock.New().GetUtcNow();

        var warnings = Start(method, false, ivrDisabled, now).Value.Warnings;

        string[] expected = warns ? [NumberWarnings.IvrMayBlockVoiceCall] : [];
        Assert.Equal(expected, warnings);
        Assert.Equal("ivr_may_block_voice_call", NumberWarnings.IvrMayBlockVoiceCall);
    }
}
