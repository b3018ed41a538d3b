using WabaActors.Domain.Numbers;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.Support;

/// <summary>Number registrations at each point of verification.</summary>
public static class TestNumbers
{
    public const string Phone = TestAccounts.FirstPhone;
    public const string RightCode = "123456";
    public const string WrongCode = "654321";
    public const string SecondCode = "777888";

    public static WabaRules Rules => WabaRules.Document;

    /// <summary>Started (SMS, not in a WhatsApp app), no code sent yet.</summary>
    public static NumberRegistration Started(DateTimeOffset now, string method = "sms")
    {
        var started = NumberRegistration.Start(Phone, TestAccounts.Tenant, TestAccounts.Waba, method, false, true, now);
        Assert.True(started.IsSuccess, started.Error?.Code);
        return started.Value.Number;
    }

    /// <summary>Started and <see cref="RightCode"/> sent at <paramref name="now"/>.</summary>
    public static NumberRegistration CodeSent(DateTimeOffset now) => Started(now).CodeSent(RightCode, Rules, now).Ok().State;

    /// <summary>Registered at <paramref name="now"/>.</summary>
    public static NumberRegistration Registered(DateTimeOffset now)
    {
        var outcome = CodeSent(now).Verify(RightCode, Rules, now);
        Assert.True(outcome.Verified, outcome.Error?.Code);
        return outcome.Change.State;
    }
}
