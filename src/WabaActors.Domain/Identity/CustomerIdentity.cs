using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>
/// A customer as Meta names them: a phone (<c>420601234567</c>, or <c>+420601234567</c>) or a
/// business-scoped user id (BSUID, <c>US.13491208655302741918</c>; a parent BSUID is
/// <c>US.ENT.11815799212886844830</c>). Parsed once at the edge, answered exactly as received.
/// <para>
/// Named "identity" rather than "customer" because many records already have a member called
/// <c>Customer</c>; a type of the same name would make <c>Customer.Parse</c> read as that member.
/// </para>
/// <para>
/// What is kept where: <see cref="Key"/> (16 bytes, inline) is what tables hold and compare;
/// the text is a reference to the string that was parsed (8 bytes, no copy), kept only to answer
/// with. See docs/adr/0020-customers-are-people.md, section 1.
/// </para>
/// </summary>
public readonly struct CustomerIdentity : IEquatable<CustomerIdentity>
{
    /// <summary>A BSUID's body is at most this long: the contract's limit (Meta's was 256 before 6 Feb 2026, 128 since).</summary>
    public const int MaxBodyLength = 256;

    private const string ParentMark = "ENT.";

    private readonly string? _text;

    private CustomerIdentity(CustomerKey key, string? text)
    {
        Key = key;
        _text = text;
    }

    /// <summary>The key and check that tables hold. A phone's key is exactly <see cref="CustomerId.Value"/>.</summary>
    public CustomerKey Key { get; }

    /// <summary>Whether this is a phone, a BSUID or a parent BSUID.</summary>
    public CustomerKind Kind =>
        Key.IsPhone ? CustomerKind.Phone
        : _text is not null && _text.AsSpan(3).StartsWith(ParentMark, StringComparison.Ordinal) ? CustomerKind.ParentBsuid
        : CustomerKind.Bsuid;

    /// <summary>True for a phone.</summary>
    public bool IsPhone => Key.IsPhone;

    /// <summary>The phone as today's <see cref="CustomerId"/>; null for a BSUID.</summary>
    public CustomerId? Phone => Key.IsPhone ? new CustomerId(Key.Key) : null;

    /// <summary>
    /// A phone of 6–15 digits with no leading 0, optionally after a <c>+</c> (which the key leaves out),
    /// or a BSUID: two capital letters, a dot, optionally <c>ENT.</c>, then 1–256 ASCII letters and
    /// digits. Nothing is trimmed. Anything else is a validation error on <paramref name="field"/>.
    /// </summary>
    public static Result<CustomerIdentity> Parse(string? input, string field = "customer")
    {
        if (string.IsNullOrEmpty(input))
        {
            return DomainError.Invalid(field, $"{field} is required: a WhatsApp user id (6–15 digits) or a business-scoped user id such as US.13491208655302741918.");
        }

        return input[0] == '+' || char.IsAsciiDigit(input[0]) ? ParsePhone(input, field) : ParseBsuid(input, field);
    }

    /// <summary>
    /// A <c>userId</c> given beside a customer: the same person's BSUID, beside a phone. A phone, or a
    /// <c>userId</c> beside a BSUID customer (<paramref name="customerIsPhone"/> false), is a validation error
    /// on <c>userId</c>. <paramref name="customerIsPhone"/> null: the customer did not parse (only the
    /// <c>userId</c>'s own grammar is checked).
    /// </summary>
    public static Result<CustomerIdentity> ParseUserId(string? input, bool? customerIsPhone)
    {
        const string Field = "userId";
        var parsed = Parse(input, Field);
        return !parsed.IsSuccess ? parsed
            : parsed.Value.IsPhone ? DomainError.Invalid(Field, "userId must be a business-scoped user id such as US.13491208655302741918, not a phone.")
            : customerIsPhone == false ? DomainError.Invalid(Field, "userId names the BSUID of a customer given by phone; leave it out when customer is a BSUID.")
            : parsed;
    }

    /// <summary>A phone known by its digits (from today's <see cref="CustomerId"/>); it answers with its digits.</summary>
    public static CustomerIdentity Of(CustomerId phone) => new(CustomerKey.Phone(phone), null);

    /// <summary>Every phone is a customer identity.</summary>
    public static implicit operator CustomerIdentity(CustomerId phone) => Of(phone);

    /// <summary>
    /// The <c>bigint</c> a store keeps for this customer: a phone's digits, or a BSUID's
    /// <see cref="StableDigest"/> (bit 62 set, so never a phone). The text of a BSUID is kept beside it
    /// (<see cref="BsuidText"/>); a row is read back with <see cref="FromStored"/>.
    /// </summary>
    public long StoredKey => Key.IsPhone ? Key.Key : StableDigest(_text!);

    /// <summary>The BSUID's text, or null for a phone (a store's <c>customer_bsuid</c> column).</summary>
    public string? BsuidText => Key.IsPhone ? null : _text;

    /// <summary>
    /// A customer read back from a store: the phone in <paramref name="storedKey"/> when
    /// <paramref name="bsuid"/> is null, else the BSUID's text (validated again: a row that does not
    /// parse is corrupt, and refusing it is safer than reading it as somebody else).
    /// </summary>
    public static CustomerIdentity FromStored(long storedKey, string? bsuid)
    {
        if (bsuid is null)
        {
            return storedKey is > 0 and < CustomerKey.BsuidTag
                ? Of(new CustomerId(storedKey))
                : throw new InvalidDataException($"A stored customer key {storedKey} without a BSUID is not a phone.");
        }

        var parsed = Parse(bsuid);
        return parsed.IsSuccess && !parsed.Value.IsPhone
            ? parsed.Value
            : throw new InvalidDataException("A stored BSUID does not parse as one.");
    }

    /// <summary>
    /// A BSUID's key that is the same in every process (bit 62 | XXH3-64 with seed 0 of the text, in 62
    /// bits): what storage and grain messages carry where an old reader expects a <c>long</c>. Never
    /// used as a table key in memory (those are seeded per process).
    /// </summary>
    public static long StableDigest(string bsuid) =>
        CustomerKey.BsuidTag | (long)(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(bsuid.AsSpan())) & (ulong)(CustomerKey.BsuidTag - 1));

    /// <summary>The text exactly as it was parsed (a phone keeps its <c>+</c> if it had one; one known by its digits answers them).</summary>
    public override string ToString() => _text ?? (Key.IsPhone ? Key.Key.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>
    /// Two phones are equal when their digits are; two BSUIDs when their texts are, compared ordinally.
    /// </summary>
    public bool Equals(CustomerIdentity other) =>
        Key == other.Key && (Key.IsPhone || string.Equals(_text, other._text, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is CustomerIdentity other && Equals(other);

    public override int GetHashCode() => Key.GetHashCode();

    public static bool operator ==(CustomerIdentity left, CustomerIdentity right) => left.Equals(right);

    public static bool operator !=(CustomerIdentity left, CustomerIdentity right) => !left.Equals(right);

    private static Result<CustomerIdentity> ParsePhone(string input, string field)
    {
        var digits = input[0] == '+' ? input[1..] : input;
        var phone = CustomerId.Parse(digits, field);
        if (!phone.IsSuccess)
        {
            return DomainError.Invalid(field, $"{field} must be a WhatsApp user id of 6–15 digits with no leading 0 (a leading + is allowed).");
        }

        return new CustomerIdentity(CustomerKey.Phone(phone.Value), input);
    }

    private static Result<CustomerIdentity> ParseBsuid(string input, string field)
    {
        // "US.ENT.1" is a parent (body "1"); "US.ENT" is an ordinary BSUID whose body is "ENT".
        var parent = input.Length > 3 && input.AsSpan(3).StartsWith(ParentMark, StringComparison.Ordinal);
        var bodyStart = parent ? 3 + ParentMark.Length : 3;
        var valid = input.Length > bodyStart
            && char.IsAsciiLetterUpper(input[0]) && char.IsAsciiLetterUpper(input[1]) && input[2] == '.'
            && input.Length - bodyStart <= MaxBodyLength
            && IsAsciiLettersOrDigits(input.AsSpan(bodyStart));
        if (!valid)
        {
            return DomainError.Invalid(field, $"{field} must be a WhatsApp user id (6–15 digits) or a business-scoped user id: two capital letters, a dot, optionally ENT., then 1–{MaxBodyLength} letters or digits, such as US.13491208655302741918.");
        }

        return new CustomerIdentity(BsuidKey.Of(input, bodyStart), input);
    }

    private static bool IsAsciiLettersOrDigits(ReadOnlySpan<char> body)
    {
        foreach (var c in body)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
