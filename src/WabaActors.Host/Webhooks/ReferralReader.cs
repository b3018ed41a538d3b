using System.Text.Json;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// A message's <c>referral</c>: how the customer reached the number (docs/adr/0020, section 4).
/// <c>source_type: "ad"</c> or a <c>ctwa_clid</c> is a click-to-WhatsApp ad, <c>"post"</c> a Facebook
/// page's call-to-action (Meta's marker for it is unconfirmed). Any other value is no free entry point,
/// and unknown: logged and counted, never silently read as nothing.
/// </summary>
internal static class ReferralReader
{
    public const string What = "source_type";

    public static EntryPoint Read(JsonElement message, MessagesBatchBuilder batch)
    {
        if (message.Child("referral") is not { ValueKind: JsonValueKind.Object } referral)
        {
            return EntryPoint.None;
        }

        var source = referral.Id("source_type");
        if (string.Equals(source, "ad", StringComparison.OrdinalIgnoreCase) || referral.Id("ctwa_clid") is not null)
        {
            return EntryPoint.Ctwa;
        }

        if (string.Equals(source, "post", StringComparison.OrdinalIgnoreCase))
        {
            return EntryPoint.PageCta;
        }

        batch.Unknown(What, source);
        return EntryPoint.None;
    }
}
