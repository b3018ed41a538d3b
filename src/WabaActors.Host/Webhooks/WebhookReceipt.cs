namespace WabaActors.Host.Webhooks;

/// <summary>
/// The answer to a delivery, once every change is stored: how many changes it held, and how many
/// were applied, already so (unchanged), redeliveries (duplicates), or acknowledged without effect
/// (ignored: an unknown WABA id or field, a value the service cannot use; each logged).
/// </summary>
public sealed record WebhookReceipt(int Changes, int Applied, int Unchanged, int Duplicates, int Ignored);
