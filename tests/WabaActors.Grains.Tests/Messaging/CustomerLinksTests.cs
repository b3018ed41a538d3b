using System.Globalization;
using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// A person named by a phone and a BSUID (issue 17): a BSUID-only user is served; a link taught on a number
/// (an inbound or permit with <c>userId</c>, a status, Meta's change message) makes one window per number
/// and one recipient per quota scope, whichever id asks, across the account's numbers and after the grains
/// were deactivated. Runs under both rule profiles (<see cref="CustomerLinksDocument"/>, <see cref="CustomerLinksMeta"/>).
/// </summary>
public abstract class CustomerLinksTests(ClusterFixture fixture)
{
    private static int _next;

    [Fact]
    public async Task ServesAUserKnownOnlyByABsuid()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var bsuid = Bsuid();

        var window = await account.InboundAsync(phones[0], bsuid, fixture.Now).Ok();
        var session = await account.PermitAsync(phones[0], bsuid, MessageKind.Session);

        Assert.True(window.Open);
        Assert.True(session.Allowed);
        Assert.Equal(window, await account.Number(phones[0]).GetWindowAsync(account.Scope, bsuid).Ok());
    }

    [Fact]
    public async Task OpensTheWindowUnderBothIdsGivenAnInboundNamingBoth()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (phone, bsuid) = (Ids.Customer(), Bsuid());

        await account.Number(phones[0]).RecordInboundAsync(account.Scope, new InboundMessage(phone, Ids.Message(), fixture.Now, UserId: bsuid)).Ok();

        Assert.True((await account.PermitAsync(phones[0], bsuid, MessageKind.Session)).Allowed);
        Assert.True((await account.Number(phones[0]).GetWindowAsync(account.Scope, bsuid).Ok()).Open);
    }

    [Fact]
    public async Task FindsTheLinkAtTheDirectoryGivenItWasTaughtOnAnotherNumber()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        await account.Number(phones[1]).LinkAsync(account.Scope, new CustomerLinkRequest(phone, bsuid)).Ok();

        await account.InboundAsync(phones[0], phone, fixture.Now).Ok();

        Assert.True((await account.PermitAsync(phones[0], bsuid, MessageKind.Session)).Allowed);
    }

    [Fact]
    public async Task CountsOneRecipientGivenTemplatesToBothIdsOfALinkedPerson()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        await account.Number(phones[0]).LinkAsync(account.Scope, new CustomerLinkRequest(phone, bsuid)).Ok();

        var first = await account.PermitAsync(phones[0], phone, MessageKind.Template);
        var second = await account.PermitAsync(phones[1], bsuid, MessageKind.Template);

        Assert.True(first.Allowed && second.Allowed);
        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task CountsTwoRecipientsGivenBothIdsCountedBeforeTheLinkAndKeepsThemAfter()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        await account.PermitAsync(phones[0], phone, MessageKind.Template);
        await account.PermitAsync(phones[0], bsuid, MessageKind.Template);

        await account.Number(phones[0]).LinkAsync(account.Scope, new CustomerLinkRequest(phone, bsuid)).Ok();
        await account.PermitAsync(phones[0], bsuid, MessageKind.Template);

        Assert.Equal(2, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task KeepsTheLinkGivenEveryGrainDeactivated()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        await account.Number(phones[0]).RecordInboundAsync(account.Scope, new InboundMessage(phone, Ids.Message(), fixture.Now, UserId: bsuid)).Ok();

        await fixture.DeactivateAllAsync(account.Number(phones[0]), fixture.Grains.GetGrain<Contracts.ITemplateQuotaGrain>(await QuotaKeyAsync(account)));

        Assert.True((await account.Number(phones[0]).GetWindowAsync(account.Scope, bsuid).Ok()).Open);
    }

    [Fact]
    public async Task ClosesEveryIdOfThePersonGivenA131047ForTheBsuid()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        await account.Number(phones[0]).RecordInboundAsync(account.Scope, new InboundMessage(phone, Ids.Message(), fixture.Now.AddMinutes(-5), UserId: bsuid)).Ok();

        await account.Number(phones[0]).CloseWindowAsync(account.Scope, bsuid, fixture.Now).Ok();

        Assert.False((await account.Number(phones[0]).GetWindowAsync(account.Scope, phone).Ok()).Open);
        Assert.False((await account.PermitAsync(phones[0], phone, MessageKind.Session)).Allowed);
    }

    [Fact]
    public async Task RefusesAUserIdThatIsAPhone()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);

        var reply = await account.Number(phones[0]).RecordInboundAsync(account.Scope, new InboundMessage(Ids.Customer(), Ids.Message(), fixture.Now, UserId: Ids.Customer()));

        Assert.Equal("validation_failed", reply.Failure?.Code);
    }

    [Fact]
    public async Task RefusesAUserIdBesideABsuidCustomerLinkingNothing()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var (first, second) = (Bsuid(), Bsuid());
        await account.InboundAsync(phones[0], first, fixture.Now).Ok();

        var reply = await account.Number(phones[0]).RequestPermitAsync(account.Scope, new PermitRequest(second, MessageKind.Session, Ids.Message(), UserId: first));

        Assert.Equal("validation_failed", reply.Failure?.Code);
        Assert.Contains("userId", reply.Failure!.Errors!.Keys);
        Assert.False((await account.PermitAsync(phones[0], second, MessageKind.Session)).Allowed);
    }

    [Fact]
    public async Task NamesEveryInvalidFieldGivenABadCustomerAndABadUserId()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);

        var reply = await account.Number(phones[0]).RequestPermitAsync(account.Scope, new PermitRequest("us.1", MessageKind.Session, Ids.Message(), UserId: "@bob"));

        Assert.Equal(["customer", "userId"], reply.Failure!.Errors!.Keys.Order());
    }

    [Fact]
    public async Task OpensTheWindowGivenACall()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var bsuid = Bsuid();

        var window = await account.Number(phones[0]).RecordInboundAsync(account.Scope,
            new InboundMessage(bsuid, "wacid." + Ids.Message(), fixture.Now, Kind: InboundKind.Call)).Ok();

        Assert.True(window.Open);
        Assert.True((await account.PermitAsync(phones[0], bsuid, MessageKind.Session)).Allowed);
    }

    private async Task<string> QuotaKeyAsync(TestAccount account) => (await account.Grain.GetGateAsync()).QuotaKey;

    /// <summary>A BSUID as Meta publishes them, new per test.</summary>
    private static string Bsuid() =>
        "US." + (13491208655302741918UL + (ulong)Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);
}

[Collection(ClusterCollection.Name)]
public sealed class CustomerLinksDocument(ClusterFixture f) : CustomerLinksTests(f);

[Collection(MetaClusterCollection.Name)]
public sealed class CustomerLinksMeta(MetaClusterFixture f) : CustomerLinksTests(f);
