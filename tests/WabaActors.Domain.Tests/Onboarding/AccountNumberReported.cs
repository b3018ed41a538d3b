using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

/// <summary>A number's outbox entries reach the account's history once, whatever the number sends again (ADR 0027).</summary>
public class AccountNumberReported
{
    private const string First = TestAccounts.FirstPhone;
    private const string Second = TestAccounts.SecondPhone;

    private static AccountEvent Entry(string type, DateTimeOffset at) => new(type, at) { Phone = First };

    [Fact]
    public void RecordsEachEntryOnceGivenSameEntriesSentAgain()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, WabaRules.Document, First, Second);
        NumberedEvent[] sent = [new(1, Entry(AccountEventTypes.DisplayNameSubmitted, now)), new(2, Entry(AccountEventTypes.DisplayNameDecided, now))];

        var first = account.NumberReported(First, sent);
        var again = first.State.NumberReported(First, sent);
        var overlapping = again.State.NumberReported(First, [sent[1], new(3, Entry(AccountEventTypes.DisplayNameReviewOverdue, now))]);

        Assert.Equal([AccountEventTypes.DisplayNameSubmitted, AccountEventTypes.DisplayNameDecided], first.Events.Types());
        Assert.Empty(again.Events);
        Assert.Same(first.State, again.State);
        Assert.Equal([AccountEventTypes.DisplayNameReviewOverdue], overlapping.Events.Types());
        Assert.Equal(3, overlapping.State.FindNumber(First)!.ReportedThrough);
        Assert.Equal(0, overlapping.State.FindNumber(Second)!.ReportedThrough);
    }

    [Fact]
    public void RecordsUnnumberedEntriesAsTheyComeGivenSiloOfEarlierVersion()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, WabaRules.Document, First).NumberReported(First, [new(5, Entry(AccountEventTypes.DisplayNameSubmitted, now))]).State;
        NumberedEvent[] old = [new(0, Entry(AccountEventTypes.DisplayNameDecided, now))];

        var first = account.NumberReported(First, old);
        var again = first.State.NumberReported(First, old);

        Assert.Single(first.Events);
        Assert.Single(again.Events);
        Assert.Equal(5, again.State.FindNumber(First)!.ReportedThrough);
    }

    [Fact]
    public void ChangesNothingGivenNumberNotOnTheAccount()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.WithNumbers(now, WabaRules.Document, First);

        var changed = account.NumberReported(Second, [new(1, Entry(AccountEventTypes.DisplayNameSubmitted, now))]);

        Assert.Same(account, changed.State);
        Assert.Empty(changed.Events);
    }
}
