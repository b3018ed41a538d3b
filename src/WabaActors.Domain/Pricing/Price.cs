namespace WabaActors.Domain.Pricing;

/// <summary>
/// The price of one allowed send: its category, and why it is free (billable when <see cref="FreeReason.None"/>).
/// Packed into one byte (<see cref="Code"/>) for the permit ledger and the grant row.
/// </summary>
public readonly record struct Price(PricingCategory Category, FreeReason Free)
{
    public bool Billable => Free == FreeReason.None;

    /// <summary>The stored form: the category times 4 plus the free reason; 0 is "no price" (a grant from before pricing).</summary>
    public byte Code => (byte)(((int)Category << 2) | (int)Free);

    /// <summary>The price a stored code stands for; null for 0 or a code no version wrote.</summary>
    public static Price? FromCode(int code)
    {
        var category = (PricingCategory)(code >> 2);
        var free = (FreeReason)(code & 3);
        return code is > 0 and < 256 && Enum.IsDefined(category) ? new Price(category, free) : null;
    }
}
