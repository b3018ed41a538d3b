using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class TemplateQuotaApply
{
    private const string Rule = "template-recipients-rolling-24h";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    [Trait("Rule", Rule)]
    [Trait("Rule", "idempotency")]
    public void AnswersAsBeforeGivenItsGrantsReplayedFromStorage()
    {
        var (original, grants) = Granted(("m1", Alice, Start), ("m2", Bob, Start + Hour));
        var loaded = new TemplateQuota(WabaRules.Document);

        grants.ForEach(loaded.Apply);

        var now = Start + 2 * Hour;
        Assert.Equal(original.Usage(2, now), loaded.Usage(2, now));
        Assert.Equal(original.CountedAt(now), loaded.CountedAt(now));
        Assert.Equal(new QuotaAnswer(GrantOutcome.Replayed, new RecipientUsage(1, 2, null)), loaded.Grant(Message("m1"), Alice, 2, now));
        Assert.Equal(GrantOutcome.MessageIdReused, loaded.Grant(Message("m2"), Alice, 2, now).Outcome);
        Assert.Equal(GrantOutcome.AlreadyCounted, loaded.Grant(Message("m3"), Bob, 2, now).Outcome);
        Assert.Equal(new RecipientUsage(2, 2, Start + Day), loaded.Grant(Message("m4"), Of(4), 2, now).Usage);
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void LoadsGrantsCountedAfterTheClockSteppedBack()
    {
        var (original, grants) = Granted(("m1", Alice, Start + Hour), ("m2", Bob, Start));
        var loaded = new TemplateQuota(WabaRules.Document);

        grants.ForEach(loaded.Apply);

        Assert.Equal(original.CountedAt(Start + Hour), loaded.CountedAt(Start + Hour));
        Assert.True(loaded.IsCounted(Bob, Start + Hour));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void CountsNothingGivenGrantsOlderThanThePeriod()
    {
        var (_, grants) = Granted(("m1", Alice, Start));
        var loaded = new TemplateQuota(WabaRules.Document);

        grants.ForEach(loaded.Apply);

        Assert.Equal(new RecipientUsage(0, 2, null), loaded.Usage(2, Start + Day));
        Assert.Equal(GrantOutcome.Counted, loaded.Grant(Message("m1"), Alice, 2, Start + Day).Outcome);
    }

    private static (TemplateQuota Quota, List<PermitGranted> Grants) Granted(params (string Id, CustomerId Customer, DateTimeOffset At)[] asks)
    {
        var quota = new TemplateQuota(WabaRules.Document);
        var grants = new List<PermitGranted>();
        foreach (var (id, customer, at) in asks)
        {
            grants.Add(quota.Grant(Message(id), customer, 2, at).Granted!);
        }

        return (quota, grants);
    }
}
