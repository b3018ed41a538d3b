namespace WabaActors.Domain.Pricing;

/// <summary>
/// Meta's pricing rules from one instant on: whether a utility template inside an open customer-service window
/// is free, and how many service (session) messages a number sends free per calendar month (UTC): null for
/// all of them.
/// </summary>
public sealed record PricingPeriod(DateTimeOffset From, bool UtilityFreeInWindow, int? ServiceFreePerMonth);
