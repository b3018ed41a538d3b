using WabaActors.Domain.Common;
using WabaActors.Domain.Templates;
using WabaActors.Domain.Tests.Support;
using static WabaActors.Domain.Tests.Support.TestClock;

namespace WabaActors.Domain.Tests.Templates;

/// <summary>Meta's <c>message_template_status_update</c> words read into the registry (meta-2026-webhooks.md §3).</summary>
public class MetaTemplateEventApply
{
    private static readonly TemplateName Name = new("order_update", "en_US");

    public static TheoryData<string, TemplateStatus> Words => new()
    {
        { "APPROVED", TemplateStatus.Approved },
        { "REINSTATED", TemplateStatus.Approved },
        { "PENDING", TemplateStatus.Pending },
        { "IN_APPEAL", TemplateStatus.Pending },
        { "REJECTED", TemplateStatus.Rejected },
        { "PAUSED", TemplateStatus.Paused },
        { "DISABLED", TemplateStatus.Disabled },
        { "FLAGGED", TemplateStatus.Flagged },
        { "ARCHIVED", TemplateStatus.Archived },
        { "PENDING_DELETION", TemplateStatus.Deleted },
        { "DELETED", TemplateStatus.Deleted },
        { "approved", TemplateStatus.Approved },
        { "Reinstated", TemplateStatus.Approved },
        { "in_appeal", TemplateStatus.Pending },
        { "pending_Deletion", TemplateStatus.Deleted },
        { " disabled ", TemplateStatus.Disabled },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void SetsTheStatusMetaNamesGivenItsWordInAnyCase(string word, TemplateStatus expected)
    {
        var applied = Apply(null, word, "UTILITY");

        Assert.Equal(new Template(Name.Name, Name.Language, TemplateCategory.Utility, expected, Start), applied with { PausedUntil = null, BeforeArchive = null });
    }

    [Theory]
    [InlineData("FIRST_PAUSE", 3)]
    [InlineData("first_pause", 3)]
    [InlineData("SECOND_PAUSE", 6)]
    public void EndsThePauseThreeOrSixHoursAfterMetaPausedGivenTheTitle(string title, int hours)
    {
        var applied = Apply(null, "PAUSED", null, title);

        Assert.Equal(TemplateStatus.Paused, applied.Status);
        Assert.Equal(Start + TimeSpan.FromHours(hours), applied.PausedUntil);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("RATE_LIMITING_PAUSE")]
    [InlineData("UNPAUSE")]
    public void LeavesThePauseEndUnknownGivenAnyOtherTitle(string? title)
    {
        var applied = Apply(null, "PAUSED", null, title);

        Assert.Equal(TemplateStatus.Paused, applied.Status);
        Assert.Null(applied.PausedUntil);
    }

    [Fact]
    public void ClearsThePauseEndGivenTheTemplateApprovedAgain()
    {
        var paused = Apply(null, "PAUSED", "MARKETING", "FIRST_PAUSE");

        var approved = Apply(paused, "APPROVED", null);

        Assert.Equal((TemplateStatus.Approved, (DateTimeOffset?)null, (TemplateCategory?)TemplateCategory.Marketing),
            (approved.Status, approved.PausedUntil, approved.Category));
    }

    [Theory]
    [InlineData("FLAGGED", TemplateStatus.Flagged)]
    [InlineData("PENDING", TemplateStatus.Pending)]
    [InlineData("APPROVED", TemplateStatus.Approved)]
    [InlineData("DISABLED", TemplateStatus.Disabled)]
    public void RestoresThePreviousStatusGivenArchivedThenUnarchived(string before, TemplateStatus expected)
    {
        var previous = Apply(null, before, "MARKETING");
        var archived = Apply(Apply(previous, "ARCHIVED", null), "archived", null);

        var restored = Apply(archived, "UNARCHIVED", null);

        Assert.Equal(TemplateStatus.Archived, archived.Status);
        Assert.Equal(expected, restored.Status);
        Assert.Equal(TemplateCategory.Marketing, restored.Category);
    }

    [Theory]
    [InlineData("DISABLED", TemplateStatus.Disabled)]
    [InlineData("PENDING", TemplateStatus.Pending)]
    [InlineData("APPROVED", TemplateStatus.Approved)]
    public void KeepsTheStatusGivenUnarchivedForATemplateNotArchived(string held, TemplateStatus expected)
    {
        Assert.Equal(expected, Apply(Apply(null, held, "UTILITY"), "UNARCHIVED", null).Status);
    }

    [Theory]
    [InlineData("LIMIT_EXCEEDED")]
    [InlineData("LOCKED")]
    [InlineData("locked")]
    public void ChangesNothingGivenAnInformationalEvent(string word)
    {
        var result = MetaTemplateEvent.Apply(Apply(null, "APPROVED", "UTILITY"), Name, word, "MARKETING", null, Start);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.True(MetaTemplateEvent.IsInformational(word));
    }

    [Theory]
    [InlineData("UNPAUSED")]
    [InlineData("")]
    [InlineData(null)]
    public void RefusesGivenAnUnknownWord(string? word)
    {
        MetaTemplateEvent.Apply(null, Name, word, "UTILITY", null, Start).Refused(ErrorCodes.ValidationFailed);
    }

    [Fact]
    public void KeepsTheCategoryHeldGivenAnEventWithoutOne()
    {
        var held = Apply(null, "APPROVED", "authentication");

        Assert.Equal(TemplateCategory.Authentication, held.Category);
        Assert.Equal(TemplateCategory.Authentication, Apply(held, "FLAGGED", null).Category);
        Assert.Equal(TemplateCategory.Utility, Apply(held, "FLAGGED", "Utility").Category);
    }

    private static Template Apply(Template? current, string word, string? category, string? title = null)
    {
        var result = MetaTemplateEvent.Apply(current, Name, word, category, title, Start);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return Assert.IsType<Template>(result.Value);
    }
}
