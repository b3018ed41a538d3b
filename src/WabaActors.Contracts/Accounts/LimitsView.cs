namespace WabaActors.Contracts.Accounts;

[GenerateSerializer, Immutable, Alias("waba.LimitsView")]
public sealed record LimitsView([property: Id(0)] LimitView Numbers, [property: Id(1)] RecipientLimitView TemplateRecipients);
