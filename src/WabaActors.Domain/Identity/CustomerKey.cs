namespace WabaActors.Domain.Identity;

/// <summary>
/// A customer in memory, in 16 bytes: a 64-bit key that picks the table slot and a 32-bit check that
/// tells apart two customers whose keys are equal (docs/adr/0020-customers-are-people.md, section 1).
/// <para>
/// A phone's key is its digits (below 2⁵⁰, exactly today's <see cref="CustomerId.Value"/>) and its
/// check is 0. A BSUID's key has bit 62 set, so it never equals a phone's key; bit 61 tells a packed
/// BSUID (clear) from a hashed one (set). No key is 0 or -1, the values a flat table refuses.
/// </para>
/// </summary>
public readonly record struct CustomerKey(long Key, uint Check)
{
    /// <summary>Bit 62: set on every BSUID key, never on a phone's.</summary>
    public const long BsuidTag = 1L << 62;

    /// <summary>Bit 61 of a BSUID key: set when the key is a hash of the text, clear when it packs the text exactly.</summary>
    public const long HashedTag = 1L << 61;

    /// <summary>The 61 low bits that carry a BSUID's packed or hashed value.</summary>
    public const long ValueMask = HashedTag - 1;

    /// <summary>True for a phone: the key is the phone's digits.</summary>
    public bool IsPhone => (Key & BsuidTag) == 0;

    /// <summary>True for a BSUID or a parent BSUID.</summary>
    public bool IsBsuid => (Key & BsuidTag) != 0;

    /// <summary>True for a BSUID whose key and check hold its text exactly (a body of 1–24 digits, no leading 0).</summary>
    public bool IsPacked => IsBsuid && (Key & HashedTag) == 0;

    /// <summary>The key of a phone, equal to <see cref="CustomerId.Value"/>.</summary>
    public static CustomerKey Phone(CustomerId phone) => new(phone.Value, 0);
}
