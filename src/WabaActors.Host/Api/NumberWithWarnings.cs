using System.Text.Json.Serialization;
using WabaActors.Contracts.Numbers;

namespace WabaActors.Host.Api;

/// <summary>The number view with the warnings of the request that added it (e.g. <c>ivr_may_block_voice_call</c>).</summary>
public sealed record NumberWithWarnings([property: JsonIgnore] NumberView View, IReadOnlyList<string> Warnings)
{
    public string Phone => View.Phone;
    public string Status => View.Status;
    public VerificationView Verification => View.Verification;
    public DateTimeOffset? RegisteredAt => View.RegisteredAt;
    public DateTimeOffset? BillingStartedAt => View.BillingStartedAt;
    public DisplayNameView DisplayName => View.DisplayName;
}
