namespace WabaActors.Host.Webhooks;

/// <summary>What became of one change of a delivery (counted in the <see cref="WebhookReceipt"/>).</summary>
public enum WebhookOutcome
{
    Applied,
    Unchanged,
    Duplicate,
    Ignored,
}
