namespace WabaActors.Contracts.Webhooks;

/// <summary>
/// One change Meta sent about an account (an <c>entry[].changes[]</c> item of a webhook), with Meta's
/// values as sent. <see cref="Digest"/> identifies the change (its field and canonical value): a
/// change seen before that would not move the account's state is a duplicate, so a redelivered
/// webhook changes nothing; one that moves the state is applied (ADR 0005).
/// </summary>
[GenerateSerializer, Immutable, Alias("waba.AccountWebhook")]
public abstract record AccountWebhook([property: Id(0)] string Digest);
