using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace WabaActors.Domain.Identity;

/// <summary>
/// Turns a BSUID's text into its <see cref="CustomerKey"/>, and a packed key back into the text.
/// <para>
/// <b>Packed</b> (a body of 1–24 digits with no leading 0, as Meta's published ids are): the body
/// (below 10²⁴ &lt; 2⁸⁰), the country (26² &lt; 2¹⁰) and the parent mark (1 bit) make 91 bits. The
/// check holds the country, the mark and the body's top 19 bits (30 bits, as they are); the key holds
/// the body's low 61 bits XOR a seeded hash of the check. Both steps undo, so two packed BSUIDs never
/// share key and check, and the hash keeps callers from aiming ids at one table slot.
/// </para>
/// <para>
/// <b>Hashed</b> (any other body): XxHash128 of the text under a per-process random seed, as in
/// <see cref="Messaging.PermitLedger"/>: 61 bits in the key, 32 in the check. Storage keeps the text and
/// never the key, so the seed may change at every start.
/// </para>
/// </summary>
internal static class BsuidKey
{
    /// <summary>At most this many digits pack exactly: 10²⁴ &lt; 2⁸⁰.</summary>
    public const int MaxPackedDigits = 24;

    private const int CountryCodes = 26 * 26;
    private const int HighBodyBits = 19;
    private const uint HighBodyMask = (1u << HighBodyBits) - 1;
    private const uint CountryMask = (1u << 10) - 1;
    private const int ParentShift = HighBodyBits + 10;
    private const uint PackedCheckLimit = 1u << (ParentShift + 1);

    private static readonly long Seed = Random.Shared.NextInt64();
    private static readonly UInt128 PackedBodyLimit = UInt128.Parse("1" + new string('0', MaxPackedDigits), CultureInfo.InvariantCulture);

    /// <summary>The key of a BSUID already checked against the grammar; <paramref name="bodyStart"/> is where the body begins.</summary>
    public static CustomerKey Of(string text, int bodyStart)
    {
        var body = text.AsSpan(bodyStart);
        return TryPackBody(body, out var value)
            ? Pack(Country(text), parent: bodyStart > 3, value)
            : Hash(text);
    }

    /// <summary>The text of a packed key, exactly as it was parsed; false for a phone or a hashed key.</summary>
    public static bool TryUnpack(CustomerKey key, out string text)
    {
        text = "";
        if (!key.IsPacked || key.Check >= PackedCheckLimit)
        {
            return false;
        }

        var low = (ulong)((key.Key ^ Mix(key.Check)) & CustomerKey.ValueMask);
        var body = ((UInt128)(key.Check & HighBodyMask) << 61) | low;
        var country = (key.Check >> HighBodyBits) & CountryMask;
        if (country >= CountryCodes || body == 0 || body >= PackedBodyLimit)
        {
            return false;
        }

        var parent = (key.Check >> ParentShift) != 0;
        text = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + (country / 26))}{(char)('A' + (country % 26))}.{(parent ? "ENT." : "")}{body}");
        return true;
    }

    private static CustomerKey Pack(uint country, bool parent, UInt128 body)
    {
        var check = (uint)(body >> 61) | (country << HighBodyBits) | ((parent ? 1u : 0u) << ParentShift);
        var low = (long)(ulong)(body & CustomerKey.ValueMask);
        return new CustomerKey(CustomerKey.BsuidTag | ((low ^ Mix(check)) & CustomerKey.ValueMask), check);
    }

    private static CustomerKey Hash(string text)
    {
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan()), Seed);
        var key = CustomerKey.BsuidTag | CustomerKey.HashedTag | ((long)(ulong)hash & CustomerKey.ValueMask);
        return new CustomerKey(key, (uint)(hash >> 64));
    }

    private static bool TryPackBody(ReadOnlySpan<char> body, out UInt128 value)
    {
        value = 0;
        if (body.Length > MaxPackedDigits || body[0] == '0')
        {
            return false;
        }

        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (uint)(c - '0');
        }

        return true;
    }

    private static uint Country(string text) => ((uint)(text[0] - 'A') * 26) + (uint)(text[1] - 'A');

    private static long Mix(uint check)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, check);
        return (long)XxHash3.HashToUInt64(bytes, Seed);
    }
}
