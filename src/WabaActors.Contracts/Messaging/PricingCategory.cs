using System.Text.Json.Serialization;
using WabaActors.Contracts.Common;

namespace WabaActors.Contracts.Messaging;

/// <summary>What Meta will price an allowed send as: <c>service</c> for a session message, a template's category, or <c>unknown</c>.</summary>
[GenerateSerializer, Alias("waba.PricingCategory")]
[JsonConverter(typeof(SnakeCaseEnumConverter<PricingCategory>))]
public enum PricingCategory
{
    Service,
    Marketing,
    Utility,
    Authentication,
    Unknown,
}

/// <summary>Why an allowed send is free; absent when it is billable.</summary>
[GenerateSerializer, Alias("waba.FreeReason")]
[JsonConverter(typeof(SnakeCaseEnumConverter<FreeReason>))]
public enum FreeReason
{
    CustomerServiceWindow,
    FreeEntryPoint,
    MonthlyAllowance,
}

/// <summary>The price of an allowed send: its category, whether Meta bills it, and why not when free.</summary>
[GenerateSerializer, Immutable, Alias("waba.Pricing")]
public sealed record Pricing(
    [property: Id(0)] PricingCategory Category,
    [property: Id(1)] bool Billable,
    [property: Id(2)] FreeReason? Free);
