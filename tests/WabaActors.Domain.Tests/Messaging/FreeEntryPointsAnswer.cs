using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>A free entry point: an answer within 24 h frees 72 h from it; pricing only, never whether a send is allowed.</summary>
public class FreeEntryPointsAnswer
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static TheoryData<bool> Profiles => new() { false, true };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void FreesSeventyTwoHoursFromTheFirstAnswerGivenAnAnswerWithinADay(bool meta)
    {
        var number = Number(meta);
        Enter(number, Alice, EntryPoint.Ctwa);
        number.Advance(23 * Hour);

        var first = number.Decide("wamid.1", Alice, MessageType.Session);
        number.Advance(TimeSpan.FromMinutes(30));
        var second = number.Decide("wamid.2", Alice, MessageType.Session);

        Assert.True(first.Decision.Allowed);
        Assert.Equal((Start + (23 * Hour) + TimeSpan.FromHours(72)).UtcTicks, first.Granted?.FreeUntilTicks);
        Assert.Equal(WabaActors.Domain.Pricing.FreeReason.FreeEntryPoint, second.Decision.Price?.Free);
        Assert.Null(second.Granted); // a session read within the free period: nothing more to persist
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void FreesNothingGivenTheFirstAnswerLaterThanADay(bool meta)
    {
        var number = Number(meta);
        Enter(number, Alice, EntryPoint.PageCta);
        number.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var answer = number.Decide("wamid.1", Alice, MessageType.Template);

        Assert.True(answer.Decision.Allowed);
        Assert.Null(answer.Granted?.FreeUntilTicks);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void FreesNothingGivenAnOrdinaryMessage(bool meta)
    {
        var number = Number(meta);
        Enter(number, Alice, EntryPoint.None);

        var answer = number.Decide("wamid.1", Alice, MessageType.Session);

        Assert.Null(answer.Granted?.FreeUntilTicks);
    }

    [Fact]
    public void KeepsTheFreePeriodGivenTheStateRebuiltFromWhatWasPersisted()
    {
        var number = new NumberAndQuota();
        var change = Enter(number, AliceBsuid, EntryPoint.Ctwa);
        var granted = number.Decide("wamid.1", AliceBsuid, MessageType.Session).Granted!;
        var reloaded = new NumberPermits(WabaRules.Document);

        reloaded.Apply(change);
        reloaded.Apply(granted);

        Assert.Equal(granted.FreeUntilTicks, reloaded.FreeEntries.Answer(AliceBsuid, number.Now + Hour)?.UtcTicks);
        Assert.Null(reloaded.FreeEntries.Answer(AliceBsuid, number.Now + TimeSpan.FromHours(72)));
        Assert.Equal(0, reloaded.FreeEntries.Count);
    }

    /// <summary>A number whose account may send under either profile (Meta's holds sends while the review is pending).</summary>
    private static NumberAndQuota Number(bool meta) =>
        new(meta ? WabaRules.Meta : WabaRules.Document, (rules, now) => MessagingAccounts.Reviewed(MessagingAccounts.Live(rules, now), ReviewDecision.Approved, now));

    private static WindowChange Enter(NumberAndQuota number, CustomerIdentity customer, EntryPoint entryPoint)
    {
        var ledger = new InboundLedger(WabaRules.Document.ServiceWindow);
        var recorded = ledger.Record(number.Permits.Windows, Message($"wamid.in.{customer}"), customer, number.Now, number.Now, entryPoint).Value!.Value;
        number.Permits.FreeEntries.Apply(recorded.Window!.Value, WabaRules.Document.ServiceWindow);
        return recorded.Window!.Value;
    }
}
