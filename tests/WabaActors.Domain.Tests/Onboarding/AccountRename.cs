using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Onboarding;

/// <summary>A repeated <c>PUT</c> with a name: a new name renames the account (history <c>account_renamed</c>); the same or none changes nothing.</summary>
public class AccountRename
{
    [Fact]
    public void RenamesAndRecordsTheNewNameGivenANewName()
    {
        var clock = TestClock.New();
        var account = Account.Create(TestAccounts.Tenant, TestAccounts.Waba, "Acme", clock.GetUtcNow()).State;
        clock.Advance(TimeSpan.FromMinutes(5));

        var renamed = account.Rename("  Acme Garden  ", clock.GetUtcNow());

        Assert.True(renamed.IsSuccess);
        Assert.Equal("Acme Garden", renamed.Value.State.Name);
        var e = Assert.Single(renamed.Value.Events);
        Assert.Equal(AccountEventTypes.AccountRenamed, e.Type);
        Assert.Equal("Acme Garden", e.Value);
        Assert.Equal(clock.GetUtcNow(), e.At);
    }

    [Fact]
    public void NamesAnAccountCreatedWithoutOne()
    {
        var now = TestClock.New().GetUtcNow();
        var account = Account.Create(TestAccounts.Tenant, TestAccounts.Waba, null, now).State;

        var renamed = account.Rename("Acme", now);

        Assert.Equal("Acme", renamed.Value.State.Name);
        Assert.Equal([AccountEventTypes.AccountRenamed], renamed.Value.Events.Select(e => e.Type));
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData(" Acme ")]
    [InlineData(null)]
    public void ChangesNothingGivenTheSameNameOrNone(string? name)
    {
        var now = TestClock.New().GetUtcNow();
        var account = Account.Create(TestAccounts.Tenant, TestAccounts.Waba, "Acme", now).State;

        var renamed = account.Rename(name, now.AddHours(1));

        Assert.True(renamed.IsSuccess);
        Assert.False(renamed.Value.HasChanges);
        Assert.Same(account, renamed.Value.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Acme\u0007")]
    public void RefusesANameCreationWouldRefuse(string name)
    {
        var now = TestClock.New().GetUtcNow();
        var account = Account.Create(TestAccounts.Tenant, TestAccounts.Waba, "Acme", now).State;

        var renamed = account.Rename(name, now);

        Assert.False(renamed.IsSuccess);
        Assert.Equal(ErrorCodes.ValidationFailed, renamed.Error!.Code);
    }

    [Fact]
    public void RefusesANameLongerThan256Characters()
    {
        var now = TestClock.New().GetUtcNow();
        var account = Account.Create(TestAccounts.Tenant, TestAccounts.Waba, "Acme", now).State;

        Assert.False(account.Rename(new string('a', 257), now).IsSuccess);
        Assert.Equal(new string('a', 256), account.Rename(new string('a', 256), now).Value.State.Name);
    }

    [Fact]
    public void RenamesALiveAccountWithoutTouchingItsOnboarding()
    {
        var now = TestClock.New().GetUtcNow();
        var account = TestAccounts.Live(now);

        var renamed = account.Rename("Renamed s.r.o.", now).Value.State;

        Assert.Equal(account with { Name = "Renamed s.r.o." }, renamed);
        Assert.Equal(AccountStatus.Live, renamed.Status);
    }
}
