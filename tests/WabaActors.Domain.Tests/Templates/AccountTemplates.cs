using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Templates;
using WabaActors.Domain.Tests.Support;
using static WabaActors.Domain.Tests.Support.TestClock;

namespace WabaActors.Domain.Tests.Templates;

/// <summary>The account's template registry and throughput upgrades: a history entry only when something changed.</summary>
public class AccountTemplates
{
    private static readonly TemplateName Name = new("order_update", "en_US");
    private static readonly DateTimeOffset Later = Start + TimeSpan.FromMinutes(5);

    [Fact]
    public void HoldsTheTemplateWithOneHistoryEntryGivenAPut()
    {
        var changed = TestAccounts.Live(Start).SetTemplate(Name, TemplateCategory.Utility, TemplateStatus.Approved, null, Start).Ok();

        Assert.Equal(new Template(Name.Name, Name.Language, TemplateCategory.Utility, TemplateStatus.Approved, Start), Assert.Single(changed.State.Templates));
        var entry = Assert.Single(changed.Events);
        Assert.Equal((AccountEventTypes.TemplateChanged, "order_update/en_US approved", "utility"), (entry.Type, entry.Value, entry.Reason));
    }

    [Fact]
    public void AddsNoHistoryEntryGivenTheSamePutAgainLater()
    {
        var account = Put(TestAccounts.Live(Start), TemplateStatus.Paused, Start + TimeSpan.FromHours(3));

        var again = account.SetTemplate(Name, null, TemplateStatus.Paused, Start + TimeSpan.FromHours(3), Later).Ok();

        Assert.False(again.HasChanges);
        Assert.Same(account, again.State);
    }

    [Fact]
    public void RefusesAPauseEndGivenAStatusOtherThanPaused()
    {
        TestAccounts.Live(Start).SetTemplate(Name, null, TemplateStatus.Approved, Start + TimeSpan.FromHours(3), Start).Invalid("pausedUntil");
    }

    [Fact]
    public void PausesUntilThreeHoursAfterMetasInstantGivenAFirstPause()
    {
        var account = Put(TestAccounts.Live(Start), TemplateStatus.Approved);

        var changed = account.ApplyMetaTemplate(Name, "PAUSED", null, "FIRST_PAUSE", Start, Later).Ok();

        var held = changed.State.FindTemplate(Name)!;
        Assert.Equal((TemplateStatus.Paused, (DateTimeOffset?)(Start + TimeSpan.FromHours(3)), (TemplateCategory?)TemplateCategory.Utility, Later),
            (held.Status, held.PausedUntil, held.Category, held.UpdatedAt));
        Assert.Equal("order_update/en_US paused", Assert.Single(changed.Events).Value);
    }

    [Fact]
    public void AddsNoHistoryEntryGivenMetasEventRedelivered()
    {
        var account = TestAccounts.Live(Start).ApplyMetaTemplate(Name, "PAUSED", "MARKETING", "SECOND_PAUSE", Start, Start).Ok().State;

        var redelivered = account.ApplyMetaTemplate(Name, "paused", "MARKETING", "SECOND_PAUSE", Start, Later).Ok();

        Assert.False(redelivered.HasChanges);
        Assert.Same(account, redelivered.State);
    }

    [Theory]
    [InlineData("LIMIT_EXCEEDED")]
    [InlineData("LOCKED")]
    public void ChangesNothingGivenAnInformationalEvent(string word)
    {
        var account = Put(TestAccounts.Live(Start), TemplateStatus.Approved);

        var applied = account.ApplyMetaTemplate(Name, word, "MARKETING", null, Start, Later).Ok();

        Assert.False(applied.HasChanges);
        Assert.Same(account, applied.State);
    }

    [Fact]
    public void RefusesAndChangesNothingGivenAnUnknownEvent()
    {
        TestAccounts.Live(Start).ApplyMetaTemplate(Name, "BANISHED", null, null, Start, Start).Refused(ErrorCodes.ValidationFailed);
    }

    [Fact]
    public void RestoresTheStatusBeforeTheArchiveGivenUnarchived()
    {
        var account = Put(TestAccounts.Live(Start), TemplateStatus.Flagged);
        account = account.ApplyMetaTemplate(Name, "ARCHIVED", null, null, Start, Start).Ok().State;

        var restored = account.ApplyMetaTemplate(Name, "UNARCHIVED", null, null, Later, Later).Ok();

        Assert.Equal(TemplateStatus.Flagged, restored.State.FindTemplate(Name)!.Status);
        Assert.Equal("order_update/en_US flagged", Assert.Single(restored.Events).Value);
    }

    [Fact]
    public void RecategorizesWithOneHistoryEntryThenNoneGivenTheSameCategoryAgain()
    {
        var account = Put(TestAccounts.Live(Start), TemplateStatus.Approved);

        var recategorized = account.RecategorizeTemplate(Name, "MARKETING", Later).Ok();
        var again = recategorized.State.RecategorizeTemplate(Name, "marketing", Later + TimeSpan.FromMinutes(1)).Ok();

        Assert.Equal((TemplateCategory?)TemplateCategory.Marketing, recategorized.State.FindTemplate(Name)!.Category);
        Assert.Equal((TemplateStatus.Approved, "marketing"), (recategorized.State.FindTemplate(Name)!.Status, Assert.Single(recategorized.Events).Reason));
        Assert.False(again.HasChanges);
    }

    [Theory]
    [InlineData("PROMOTIONAL")]
    [InlineData(null)]
    public void RefusesGivenAnUnknownCategory(string? category)
    {
        Put(TestAccounts.Live(Start), TemplateStatus.Approved).RecategorizeTemplate(Name, category, Later).Refused(ErrorCodes.ValidationFailed);
    }

    [Fact]
    public void UpgradesANumberOnceGivenMetasThroughputUpgradeTwice()
    {
        var first = TestAccounts.Live(Start).UpgradeThroughput(TestAccounts.FirstPhone, Start);
        var second = first.State.UpgradeThroughput(TestAccounts.FirstPhone, Later);

        Assert.Equal([TestAccounts.FirstPhone], first.State.ThroughputUpgraded);
        Assert.Equal((AccountEventTypes.ThroughputUpgraded, TestAccounts.FirstPhone), (Assert.Single(first.Events).Type, first.Events[0].Phone));
        Assert.False(second.HasChanges);
    }

    [Fact]
    public void UpgradesNothingGivenANumberNotOfTheAccount()
    {
        var account = TestAccounts.Live(Start);

        var upgraded = account.UpgradeThroughput(TestAccounts.SecondPhone, Start);

        Assert.False(upgraded.HasChanges);
        Assert.Empty(upgraded.State.ThroughputUpgraded);
    }

    [Fact]
    public void RestoresTheStatusAnArchivePutHidGivenMetasUnarchived()
    {
        var archived = Put(Put(TestAccounts.Live(Start), TemplateStatus.Disabled), TemplateStatus.Archived);

        var restored = archived.ApplyMetaTemplate(Name, "UNARCHIVED", null, null, Later, Later).Ok();

        Assert.Equal(TemplateStatus.Disabled, restored.State.FindTemplate(Name)!.Status);
    }

    [Fact]
    public void AddsNothingGivenACategoryUpdateForATemplateNotHeld()
    {
        var account = TestAccounts.Live(Start);

        var changed = account.RecategorizeTemplate(Name, "MARKETING", Later).Ok();

        Assert.False(changed.HasChanges);
        Assert.Empty(changed.State.Templates);
    }

    private static Account Put(Account account, TemplateStatus status, DateTimeOffset? pausedUntil = null) =>
        account.SetTemplate(Name, TemplateCategory.Utility, status, pausedUntil, Start).Ok().State;
}
