using WabaActors.Api.Tests.Support;
using WabaActors.Contracts.Messaging;
using static WabaActors.Api.Tests.MetaPeople;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// Customers are people (docs/adr/0020, sections 2 and 4; ../shared/domain/meta-2026-webhooks.md 1.2):
/// Meta's <c>messages</c> webhook names a user by phone, BSUID or both; the window opens for whoever
/// sent, and two ids of one person link, under both rule profiles. A BSUID is asked of the number
/// grain (over HTTP), a phone over HTTP.
/// </summary>
public abstract class WebhookPeopleTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UsernameUsersMessageOpensTheBsuidsWindow(bool fromUserId)
    {
        var account = await _api.LiveAndApprovedAsync();
        var bsuid = Bsuid();
        var sentAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);

        // No from, no wa_id: the user hides the phone. Meta's 2026 page always sends from_user_id; a lone contact names the sender too.
        var reply = await _api.Webhook(Envelope(account.Waba, "messages",
            Messages(account.Phone, Text(null, fromUserId ? bsuid : null, Ids.MessageId(), sentAt), Contact(null, bsuid, username: "sheena.nelson"))));

        Assert.Equal((1, 1, 0, 0, 0), reply.Receipt());
        Assert.Equal(new WindowView(true, sentAt + TimeSpan.FromHours(24)), await fixture.WindowAsync(account, bsuid));
        Assert.True((await fixture.SessionPermitAsync(account, bsuid)).Allowed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PhoneAndBsuidOfOneSenderLink(bool fromUserId)
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        var sentAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);

        // from + from_user_id, or from and a contact with wa_id + user_id.
        (await _api.Webhook(Envelope(account.Waba, "messages",
            Messages(account.Phone, Text(phone, fromUserId ? bsuid : null, Ids.MessageId(), sentAt), Contact(phone, bsuid))))).Ok();

        Assert.True((await fixture.SessionPermitAsync(account, bsuid)).Allowed);
        var byPhone = (await _api.Get($"{account.Number}/windows/{phone}")).Ok();
        Assert.True(byPhone.Bool("open"));
        Assert.Equal(new WindowView(true, byPhone.Instant("expiresAt")), await fixture.WindowAsync(account, bsuid));
    }

    [Fact]
    public async Task MalformedBsuidBesideAPhoneCostsNoWindow()
    {
        var account = await _api.LiveAndApprovedAsync();
        var phone = Ids.Customer();
        var sentAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);

        var reply = await _api.Webhook(Envelope(account.Waba, "messages",
            Messages(account.Phone, Text(phone, "us.13491208655302741918", Ids.MessageId(), sentAt), Contact(phone, "@sheena"))));

        Assert.Equal(1, reply.Receipt().Applied);
        Assert.True((await _api.Get($"{account.Number}/windows/{phone}")).Ok().Bool("open"));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("[3007]", StringComparison.Ordinal) && l.Contains("2 id(s) neither a phone nor a BSUID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContactsParentBsuidLinksToTheUser()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (bsuid, parent) = (Bsuid(), ParentBsuid());
        var sentAt = Seconds(await _api.Now()) - TimeSpan.FromMinutes(1);

        (await _api.Webhook(Envelope(account.Waba, "messages",
            Messages(account.Phone, Text(null, bsuid, Ids.MessageId(), sentAt, fromParent: parent), Contact(null, bsuid, parent))))).Ok();

        Assert.Equal(new WindowView(true, sentAt + TimeSpan.FromHours(24)), await fixture.WindowAsync(account, parent));
    }

    [Fact]
    public async Task Failed131047WithOnlyTheRecipientsBsuidCloses()
    {
        var account = await _api.LiveAndApprovedAsync();
        var bsuid = Bsuid();
        var now = Seconds(await _api.Now());
        (await _api.Webhook(Envelope(account.Waba, "messages",
            Messages(account.Phone, Text(null, bsuid, Ids.MessageId(), now - TimeSpan.FromMinutes(2)), Contact(null, bsuid, username: "sheena.nelson"))))).Ok();
        Assert.True((await fixture.WindowAsync(account, bsuid)).Open);

        // A failed status carries no contacts[]; sent to a BSUID of a user who hides the phone, no recipient_id either.
        var reply = await _api.Webhook(Envelope(account.Waba, "messages",
            Value(account.Phone, ("statuses", new[] { Status("failed", now - TimeSpan.FromMinutes(1), null, bsuid, 131047) }))));

        Assert.Equal(1, reply.Receipt().Applied);
        Assert.False((await fixture.WindowAsync(account, bsuid)).Open);
        Assert.Equal(DenialReason.CustomerServiceWindowClosed, (await fixture.SessionPermitAsync(account, bsuid)).Reason);
    }

    [Theory]
    [InlineData("recipient_parent_user_id")]
    [InlineData("parent_recipient_user_id")]
    public async Task StatusTeachesTheRecipientsIds(string parentField)
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid, parent) = (Ids.Customer(), Bsuid(), ParentBsuid());
        var now = Seconds(await _api.Now());
        (await _api.Webhook(Envelope(account.Waba, "messages", Inbound(account.Phone, phone, Ids.MessageId(), now - TimeSpan.FromMinutes(2))))).Ok();
        Assert.False((await fixture.WindowAsync(account, bsuid)).Open);

        var reply = await _api.Webhook(Envelope(account.Waba, "messages", Value(account.Phone,
            ("contacts", new[] { Contact(phone, bsuid) }),
            ("statuses", new[] { Status("delivered", now - TimeSpan.FromMinutes(1), phone, bsuid, null, (parentField, parent)) }))));

        Assert.Equal(1, reply.Receipt().Applied);
        var window = await fixture.WindowAsync(account, phone);
        Assert.True(window.Open);
        Assert.Equal(window, await fixture.WindowAsync(account, bsuid));
        Assert.Equal(window, await fixture.WindowAsync(account, parent));
    }

    [Fact]
    public async Task StatusThatTeachesNothingNewIsUnchanged()
    {
        var account = await _api.LiveAndApprovedAsync();
        var (phone, bsuid) = (Ids.Customer(), Bsuid());
        var now = Seconds(await _api.Now());
        object Delivered() => Envelope(account.Waba, "messages", Value(account.Phone,
            ("statuses", new[] { Status("delivered", now - TimeSpan.FromMinutes(1), phone, bsuid) })));

        Assert.Equal(1, (await _api.Webhook(Delivered())).Receipt().Applied);
        Assert.Equal(1, (await _api.Webhook(Delivered())).Receipt().Unchanged);
    }
}

[Collection(ApiCollection.Name)]
public sealed class WebhookPeopleDocumentTests(ApiFixture fixture) : WebhookPeopleTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class WebhookPeopleMetaTests(MetaApiFixture fixture) : WebhookPeopleTests(fixture);
