using Microsoft.Extensions.DependencyInjection;
using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Storage;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// A session permit is a read (docs/adr/0022-session-permits-are-reads.md): replayed within the session replay
/// horizon, decided afresh after it, and never written. Template grants keep their 24 h replay. Both rule profiles.
/// </summary>
public abstract class SessionReplayHorizon(ClusterFixture fixture)
{
    private TimeSpan Horizon => fixture.Rules.SessionReplayHorizon;

    [Fact]
    public async Task ReplaysTheFirstAnswerGivenASessionRetryInsideTheHorizon()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        var first = await account.PermitAsync(phones[0], customer, MessageKind.Session, messageId);
        await fixture.AdvanceAsync(Horizon - TimeSpan.FromSeconds(1));
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok(); // a fresh decision would tell a later expiry

        var retried = await account.PermitAsync(phones[0], customer, MessageKind.Session, messageId);

        Assert.True(first.Allowed);
        Assert.Equal(first, retried);
    }

    [Fact]
    public async Task DecidesAfreshGivenASessionRetryAtTheHorizon()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        var first = await account.PermitAsync(phones[0], customer, MessageKind.Session, messageId);
        await fixture.AdvanceAsync(Horizon);
        var extended = await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        var retried = await account.PermitAsync(phones[0], customer, MessageKind.Session, messageId);

        Assert.True(retried.Allowed);
        Assert.Equal(extended.ExpiresAt, retried.WindowExpiresAt);
        Assert.NotEqual(first.WindowExpiresAt, retried.WindowExpiresAt);
    }

    [Fact]
    public async Task RefusesTheIdForATemplateInsideTheHorizonAndDecidesItAfter()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        Assert.True((await account.PermitAsync(phones[0], customer, MessageKind.Session, messageId)).Allowed);

        await account.Number(phones[0]).RequestPermitAsync(account.Scope, new(customer, MessageKind.Template, messageId)).Refused("message_id_reused");
        await fixture.AdvanceAsync(Horizon);
        var template = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);

        Assert.True(template.Allowed);
    }

    [Fact]
    public async Task KeepsTemplateGrantsForADayGivenTheSessionHorizonPassed()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (customer, messageId) = (Ids.Customer(), Ids.Message());
        var first = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);
        await fixture.AdvanceAsync(TimeSpan.FromHours(23));

        var retried = await account.PermitAsync(phones[0], customer, MessageKind.Template, messageId);

        Assert.True(first.Allowed);
        Assert.Equal(first, retried);
        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task WritesNoGrantGivenSessionPermitsAndOneGivenATemplate()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await account.PermitAsync(phones[0], customer, MessageKind.Session)).Allowed);
        }

        Assert.Empty(await StoredGrantsAsync(phones[0]));
        Assert.True((await account.PermitAsync(phones[0], customer, MessageKind.Template)).Allowed);
        Assert.Single(await StoredGrantsAsync(phones[0]));
    }

    private async Task<IReadOnlyList<Domain.Messaging.PermitGranted>> StoredGrantsAsync(string phone) =>
        (await fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IMessagingStore>().LoadNumberAsync(phone, fixture.Now)).Grants;
}

[Collection(ClusterCollection.Name)]
public sealed class SessionReplayHorizonDocument(ClusterFixture fixture) : SessionReplayHorizon(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class SessionReplayHorizonMeta(MetaClusterFixture fixture) : SessionReplayHorizon(fixture);
