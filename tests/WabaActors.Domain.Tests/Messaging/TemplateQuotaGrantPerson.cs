using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Rules;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>The quota counts a person once, whichever id asks, once a link is known; never fewer before.</summary>
public class TemplateQuotaGrantPerson
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static TheoryData<bool> Profiles => new() { false, true };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void CountsTwoRecipientsGivenAPhoneAndABsuidNotLinked(bool meta)
    {
        var quota = Quota(meta);

        quota.Grant(Message("m1"), Alice, 10, Start);
        var answer = quota.Grant(Message("m2"), AliceBsuid, 10, Start + Hour);

        Assert.Equal(GrantOutcome.Counted, answer.Outcome);
        Assert.Equal(2, answer.Usage.Used);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void CountsThePersonOnceGivenTheLinkKnownBeforeTheSecondId(bool meta)
    {
        var quota = Quota(meta);
        quota.Grant(Message("m1"), Alice, 10, Start);
        quota.Links.Link(Alice, AliceBsuid, Start + Hour);

        var answer = quota.Grant(Message("m2"), AliceBsuid, [Alice], 10, Start + Hour);

        Assert.Equal(GrantOutcome.AlreadyCounted, answer.Outcome);
        Assert.Equal(1, answer.Usage.Used);
        Assert.Null(answer.Granted);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AnswersResolveCountingNothingGivenTheDirectoryKnowsAnIdTheNumberDidNotName(bool meta)
    {
        var quota = Quota(meta);
        quota.Links.Link(Alice, AliceBsuid, Start);

        var answer = quota.Grant(Message("m1"), AliceBsuid, 10, Start);

        Assert.Equal(GrantOutcome.Resolve, answer.Outcome);
        Assert.Equal([Alice], answer.Aliases);
        Assert.Equal(0, answer.Usage.Used);
        Assert.False(quota.IsCounted(AliceBsuid, Start));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void CountsThePersonOnceWithoutResolveGivenASettlingAsk(bool meta)
    {
        var quota = Quota(meta);
        quota.Grant(Message("m1"), Alice, 10, Start);
        quota.Links.Link(Alice, AliceBsuid, Start);

        var answer = quota.Grant(Message("m2"), AliceBsuid, [], 10, Start + Hour, settle: true);

        Assert.Equal(GrantOutcome.AlreadyCounted, answer.Outcome);
        Assert.Equal(1, answer.Usage.Used);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void FreesNoSlotEarlyGivenALinkLearnedAfterBothIdsWereCounted(bool meta)
    {
        var quota = Quota(meta);
        quota.Grant(Message("m1"), Alice, 2, Start);
        quota.Grant(Message("m2"), AliceBsuid, 2, Start + Hour);

        quota.Links.Link(Alice, AliceBsuid, Start + (2 * Hour));
        var other = quota.Grant(Message("m3"), Bob, [], 2, Start + (2 * Hour));

        Assert.Equal(GrantOutcome.LimitReached, other.Outcome);
        Assert.Equal(2, other.Usage.Used);
        Assert.Equal(Start + TimeSpan.FromHours(24), other.Usage.NextSlotAt);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void CountsTheBsuidUnderItsOwnTextGivenAPersistedGrantReplayed(bool meta)
    {
        var quota = Quota(meta);
        var granted = quota.Grant(Message("m1"), AliceBsuid, 10, Start).Granted!;
        var reloaded = Quota(meta);

        reloaded.Apply(granted);

        Assert.True(reloaded.IsCounted(Bsuid("US.13491208655302741918"), Start));
        Assert.False(reloaded.IsCounted(BobBsuid, Start));
        Assert.Equal("US.13491208655302741918", granted.Customer.BsuidText);
    }

    private static TemplateQuota Quota(bool meta) => new(meta ? WabaRules.Meta : WabaRules.Document);
}
