using System.Text.Json;
using WabaActors.Api.Tests.Support;
using WabaActors.Contracts.Messaging;
using WabaActors.Host.Webhooks;
using static WabaActors.Api.Tests.MetaPeople;
using static WabaActors.Api.Tests.Support.Webhooks;

namespace WabaActors.Api.Tests;

/// <summary>
/// What <see cref="MessagesReader"/> reads from Meta's bodies where the host's answers cannot show it
/// (an entry point changes pricing only): the referral's entry point, and what goes to the number grain.
/// </summary>
public sealed class MessagesReaderTests
{
    private const string Business = "15550783881";

    [Theory]
    [InlineData("ad", true, EntryPoint.Ctwa)]
    [InlineData("ad", false, EntryPoint.Ctwa)]
    [InlineData("AD", false, EntryPoint.Ctwa)]
    [InlineData("post", false, EntryPoint.PageCta)]
    [InlineData("story", true, EntryPoint.Ctwa)]
    [InlineData("story", false, EntryPoint.None)]
    [InlineData(null, false, EntryPoint.None)]
    public void ReferralIsReadAsItsEntryPoint(string? sourceType, bool clickId, EntryPoint expected)
    {
        var referral = (Dictionary<string, object>)WebhookReferralTests.Referral(sourceType ?? "", clickId);
        if (sourceType is null)
        {
            referral.Remove("source_type");
        }

        var batch = Read(Messages(Business, Text("16505551234", null, Ids.MessageId(), DateTimeOffset.UnixEpoch.AddYears(56), null, ("referral", referral))));

        Assert.Equal(expected, Assert.Single(batch.Inbound).EntryPoint);
        var unknown = expected == EntryPoint.None ? Assert.Single(batch.Unknown) : null;
        Assert.Equal(expected == EntryPoint.None ? new UnknownValue("source_type", sourceType ?? "(none)") : null, unknown);
    }

    [Fact]
    public void MessageWithoutReferralHasNoEntryPointAndNothingUnknown()
    {
        var batch = Read(Messages(Business, Text("16505551234", null, Ids.MessageId(), DateTimeOffset.UnixEpoch.AddYears(56))));

        Assert.Equal(EntryPoint.None, Assert.Single(batch.Inbound).EntryPoint);
        Assert.Empty(batch.Unknown);
    }

    [Fact]
    public void SenderNamedByPhoneAndBsuidTravelsAsOneInboundAndNoSeparateLink()
    {
        var (bsuid, parent) = (Bsuid(), ParentBsuid());
        var at = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);

        var batch = Read(Messages(Business, Text("16505551234", bsuid, "wamid.1", at, parent), Contact("16505551234", bsuid, parent)));

        Assert.Equal(new InboundMessage("16505551234", "wamid.1", at, bsuid), Assert.Single(batch.Inbound));
        Assert.Equal(new CustomerLinkRequest(bsuid, parent), Assert.Single(batch.Links));
    }

    [Fact]
    public void LoneContactNamingAnotherPhoneLendsTheSenderNothing()
    {
        var bsuid = Bsuid();

        var batch = Read(Messages(Business, Text("16505551234", null, "wamid.1", DateTimeOffset.FromUnixTimeSeconds(1_790_000_000)), Contact("16505559999", bsuid)));

        Assert.Null(Assert.Single(batch.Inbound).UserId);
        Assert.Equal(new CustomerLinkRequest("16505559999", bsuid), Assert.Single(batch.Links));
    }

    [Fact]
    public void UserConnectIsACallAndOtherCallsOpenNothing()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);
        var calls = new[]
        {
            Call("wacid.1", "connect", at, Business, "16505551234", null),
            Call("wacid.2", "terminate", at, Business, "16505551234", null),
            Obj(("id", "wacid.3"), ("from", Business), ("to", "16505551234"), ("event", "connect"), ("timestamp", UnixText(at)), ("direction", "BUSINESS_INITIATED")),
        };

        var batch = Read(Value(Business, ("calls", calls)));

        Assert.Equal(new InboundMessage("16505551234", "wacid.1", at, Kind: InboundKind.Call), Assert.Single(batch.Inbound));
        Assert.Equal(["a user-initiated call's terminate", "a business-initiated call's connect"], batch.OpenNothing);
    }

    private static MessagesBatch Read(object value)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(value));
        return MessagesReader.Read(json.RootElement);
    }
}
