using WabaActors.Domain.Messaging;
using WabaActors.Domain.Templates;
using static WabaActors.Domain.Tests.Support.TestClock;

namespace WabaActors.Domain.Tests.Templates;

/// <summary>A send naming a template, decided on the template's status in the account's registry (api.md "Templates").</summary>
public class TemplateBookCheck
{
    private static readonly TemplateName Name = new("spring_sale", "en");
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void DeniesTemplatePausedUntilThePauseEndsGivenAPausedTemplate()
    {
        var end = Start + TimeSpan.FromHours(3);
        var book = Book(TemplateStatus.Paused, end);

        var before = book.Check(Name, false, end - Tick, out _);
        var atEnd = book.Check(Name, false, end, out var category);

        Assert.Equal((false, DenyReason.TemplatePaused, (DateTimeOffset?)end), (before!.Allowed, before.Reason, before.RetryAt));
        Assert.False(string.IsNullOrEmpty(before.Detail));
        Assert.Null(atEnd);
        Assert.Equal(TemplateCategory.Marketing, category);
    }

    [Fact]
    public void DeniesTemplatePausedWithoutRetryAtGivenAPauseOfUnknownEnd()
    {
        var denied = Book(TemplateStatus.Paused).Check(Name, false, Start + TimeSpan.FromDays(30), out _);

        Assert.Equal((DenyReason.TemplatePaused, (DateTimeOffset?)null), (denied?.Reason, denied?.RetryAt));
    }

    [Theory]
    [InlineData(TemplateStatus.Pending)]
    [InlineData(TemplateStatus.Rejected)]
    [InlineData(TemplateStatus.Disabled)]
    [InlineData(TemplateStatus.Deleted)]
    [InlineData(TemplateStatus.Archived)]
    public void DeniesTemplateNotApprovedGivenAStatusThatDoesNotSend(TemplateStatus status)
    {
        var denied = Book(status).Check(Name, requireKnown: true, Start, out var category);

        Assert.Equal((false, DenyReason.TemplateNotApproved, (DateTimeOffset?)null), (denied!.Allowed, denied.Reason, denied.RetryAt));
        Assert.Equal(TemplateCategory.Marketing, category);
    }

    [Theory]
    [InlineData(TemplateStatus.Approved)]
    [InlineData(TemplateStatus.Flagged)]
    public void LetsTheSendGoWithTheRegistrysCategoryGivenASendableStatus(TemplateStatus status)
    {
        Assert.Null(Book(status).Check(Name, requireKnown: true, Start, out var category));
        Assert.Equal(TemplateCategory.Marketing, category);
    }

    [Fact]
    public void LetsTheOtherRulesDecideGivenAnUnknownTemplateAndTheRegistryNotRequired()
    {
        Assert.Null(Book(TemplateStatus.Approved).Check(new TemplateName("spring_sale", "de"), false, Start, out var category));
        Assert.Null(category);
    }

    [Fact]
    public void DeniesTemplateUnknownGivenAnUnknownTemplateAndTheRegistryRequired()
    {
        var denied = TemplateBook.Empty.Check(Name, requireKnown: true, Start, out _);

        Assert.Equal((false, DenyReason.TemplateUnknown), (denied!.Allowed, denied.Reason));
        Assert.False(string.IsNullOrEmpty(denied.Detail));
    }

    [Fact]
    public void ChecksNothingGivenNoTemplateNamed()
    {
        Assert.Null(Book(TemplateStatus.Disabled).Check(null, requireKnown: true, Start, out var category));
        Assert.Null(category);
    }

    private static TemplateBook Book(TemplateStatus status, DateTimeOffset? pausedUntil = null) =>
        new([new Template(Name.Name, Name.Language, TemplateCategory.Marketing, status, Start) { PausedUntil = pausedUntil }]);
}
