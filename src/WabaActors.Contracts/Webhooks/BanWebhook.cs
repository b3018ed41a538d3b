namespace WabaActors.Contracts.Webhooks;

/// <summary><c>account_update</c> DISABLED_UPDATE: <c>ban_info.waba_ban_state</c> (SCHEDULE_FOR_DISABLE, DISABLE, REINSTATE).</summary>
[GenerateSerializer, Immutable, Alias("waba.BanWebhook")]
public sealed record BanWebhook(string Digest, [property: Id(0)] string? State) : AccountWebhook(Digest);
