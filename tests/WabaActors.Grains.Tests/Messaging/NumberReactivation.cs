using WabaActors.Contracts.Messaging;
using WabaActors.Contracts;
using WabaActors.Domain.Rules;
using WabaActors.Grains.Quota;
using WabaActors.Grains.Translation;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// Windows and grants live in memory and in the store: a deactivated number (and quota) finds them again.
/// Runs under both rule profiles.
/// </summary>
public abstract class NumberReactivation(ClusterFixture fixture)
{
    [Fact]
    public async Task KeepsWindowsGrantsAndCountsGivenGrainsDeactivated()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        var (customer, sessionId) = (Ids.Customer(), Ids.Message());
        var (recipient, templateId) = (Ids.Customer(), Ids.Message());
        var window = await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        var session = await account.PermitAsync(phones[0], customer, MessageKind.Session, sessionId);
        var template = await account.PermitAsync(phones[0], recipient, MessageKind.Template, templateId);
        Assert.True(session.Allowed && template.Allowed);

        // The quota that counts this account's recipients: its own, or under a portfolio scope its portfolio's.
        var quotaKey = fixture.Rules.TemplateRecipientScope == QuotaScope.Portfolio
            ? QuotaKeys.ForPortfolio(account.BusinessManagerId)
            : QuotaKeys.ForAccount(account.Waba);
        var quota = fixture.Grains.GetGrain<ITemplateQuotaGrain>(quotaKey);
        Assert.True(fixture.IsActive(quota), $"the quota {quotaKey} should have counted the template");

        await fixture.DeactivateAllAsync(account.Grain, number, quota);

        Assert.Equal(window, await number.GetWindowAsync(account.Scope, customer).Ok());
        Assert.Equal(session, await account.PermitAsync(phones[0], customer, MessageKind.Session, sessionId));
        Assert.Equal(template, await account.PermitAsync(phones[0], recipient, MessageKind.Template, templateId));
        var view = await account.ViewAsync();
        Assert.Equal(("live", 1), (view.Status, view.Limits.TemplateRecipients.Used));
        Assert.Equal("registered", view.Numbers[0].Status);
    }

    [Fact]
    public async Task KeepsBlockGivenAccountAndNumberDeactivated()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Grain.DecideCommerceReviewAsync(account.Tenant, new("rejected", null)).Ok();

        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        Assert.Equal(DenialReason.AccountBlocked, (await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).Reason);
    }

    [Fact]
    public async Task KeepsTheReviewHoldOfItsProfileGivenAccountAndNumberDeactivated()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        await fixture.DeactivateAllAsync(account.Grain, account.Number(phones[0]));

        var decision = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);
        if (fixture.Rules.SendsAllowedWhileReviewPending)
        {
            Assert.True(decision.Allowed);
        }
        else
        {
            Assert.Equal((false, DenialReason.AccountUnderReview), (decision.Allowed, decision.Reason));
        }
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberReactivationDocument(ClusterFixture fixture) : NumberReactivation(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberReactivationMeta(MetaClusterFixture fixture) : NumberReactivation(fixture);
