namespace WabaActors.Contracts.Webhooks;

/// <summary>
/// One change Meta sent about an account (an <c>entry[].changes[]</c> item of a webhook), with Meta's
/// values as sent. <see cref="Digest"/> identifies the change (its field and canonical value): the
/// account applies a digest once, so a redelivered webhook changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.AccountWebhook")]
public abstract record AccountWebhook([property: Id(0)] string Digest);
