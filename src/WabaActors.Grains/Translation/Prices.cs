using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Pricing;
using WabaActors.Domain.Verdicts;
using DomainCategory = WabaActors.Domain.Pricing.PricingCategory;
using DomainFree = WabaActors.Domain.Pricing.FreeReason;

namespace WabaActors.Grains.Translation;

/// <summary>Prices and verdicts between the domain and the contracts. A price maps to one shared immutable contract object per code.</summary>
internal static class Prices
{
    // One contract object per price code, built once: pricing is on every allowed decision and allocates nothing.
    private static readonly Pricing?[] ByCode = [.. Enumerable.Range(0, 256).Select(code => Price.FromCode(code) is { } p ? Build(p) : null)];

    public static Pricing ToContract(this Price price) => ByCode[price.Code]!;

    public static Contracts.Messaging.PricingCategory ToContract(this DomainCategory c) => c switch
    {
        DomainCategory.Service => Contracts.Messaging.PricingCategory.Service,
        DomainCategory.Marketing => Contracts.Messaging.PricingCategory.Marketing,
        DomainCategory.Utility => Contracts.Messaging.PricingCategory.Utility,
        DomainCategory.Authentication => Contracts.Messaging.PricingCategory.Authentication,
        _ => Contracts.Messaging.PricingCategory.Unknown,
    };

    public static SendStatus ToDomain(this OutcomeStatus s) => s switch
    {
        OutcomeStatus.Sent => SendStatus.Sent,
        OutcomeStatus.Delivered => SendStatus.Delivered,
        OutcomeStatus.Read => SendStatus.Read,
        _ => SendStatus.Failed,
    };

    public static OutcomeEffect ToContract(this VerdictEffect e) => e switch
    {
        VerdictEffect.Duplicate or VerdictEffect.Superseded => OutcomeEffect.Duplicate,
        VerdictEffect.WindowClosed => OutcomeEffect.WindowClosed,
        VerdictEffect.MarketingLimited => OutcomeEffect.MarketingLimited,
        VerdictEffect.MarketingOptedOut => OutcomeEffect.MarketingOptedOut,
        VerdictEffect.MarketingResumed => OutcomeEffect.MarketingResumed,
        _ => OutcomeEffect.None,
    };

    public static DenialReason ToReason(this VerdictKind k) =>
        k == VerdictKind.MarketingLimited ? DenialReason.MarketingLimitPerUser : DenialReason.MarketingOptedOut;

    private static Pricing Build(Price p) => new(p.Category.ToContract(), p.Billable, p.Free switch
    {
        DomainFree.CustomerServiceWindow => Contracts.Messaging.FreeReason.CustomerServiceWindow,
        DomainFree.FreeEntryPoint => Contracts.Messaging.FreeReason.FreeEntryPoint,
        DomainFree.MonthlyAllowance => Contracts.Messaging.FreeReason.MonthlyAllowance,
        _ => null,
    });
}
