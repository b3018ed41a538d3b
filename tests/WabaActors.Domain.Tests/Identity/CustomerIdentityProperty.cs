using CsCheck;
using WabaActors.Domain.Identity;

namespace WabaActors.Domain.Tests.Identity;

/// <summary>
/// The keys of docs/adr/0020-customers-are-people.md, section 1, over generated ids: a phone's key is
/// today's <see cref="CustomerId.Value"/>; a packed BSUID's key and check give its text back, so two
/// packed BSUIDs never share them; a BSUID's key never equals a phone's (bit 62).
/// </summary>
public sealed class CustomerIdentityProperty
{
    private static readonly Gen<string> Country =
        Gen.Select(Gen.Char['A', 'Z'], Gen.Char['A', 'Z'], (a, b) => $"{a}{b}");

    // Strings of digits around the phone bounds (0–17 digits, leading zeros and a + included).
    private static readonly Gen<string> PhoneLike =
        Gen.Select(Gen.Bool, Gen.Char['0', '9'].Array[0, 17], (plus, digits) => (plus ? "+" : "") + new string(digits));

    private static readonly Gen<string> Phone =
        Gen.Select(Gen.Bool, Gen.Long[100_000, 999_999_999_999_999], (plus, digits) => (plus ? "+" : "") + digits);

    // 1–24 digits with no leading 0: the bodies that pack exactly.
    private static readonly Gen<string> PackedBody =
        Gen.Select(Gen.Char['1', '9'], Gen.Char['0', '9'].Array[0, 23], (first, rest) => first + new string(rest));

    private static readonly Gen<string> AnyBody = Gen.Frequency(
        (3, PackedBody),
        (1, Gen.Char['0', '9'].Array[1, 30].Select(c => new string(c))),
        (2, Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 40].Select(c => new string(c))),
        (1, Gen.Char["0123456789abZ"].Array[1, 256].Select(c => new string(c))));

    private static readonly Gen<string> PackedBsuid =
        Gen.Select(Country, Gen.Bool, PackedBody, (country, parent, body) => $"{country}.{(parent ? "ENT." : "")}{body}");

    private static readonly Gen<string> AnyBsuid =
        Gen.Select(Country, Gen.Bool, AnyBody, (country, parent, body) => $"{country}.{(parent ? "ENT." : "")}{body}");

    [Fact]
    public void A_phone_is_accepted_exactly_when_CustomerId_accepts_its_digits_and_keeps_todays_key()
    {
        PhoneLike.Sample(text =>
        {
            var digits = text.StartsWith('+') ? text[1..] : text;
            var today = CustomerId.Parse(digits);
            var customer = CustomerIdentity.Parse(text);

            Assert.Equal(today.IsSuccess, customer.IsSuccess);
            if (today.IsSuccess)
            {
                Assert.Equal(new CustomerKey(today.Value.Value, 0), customer.Value.Key);
                Assert.Equal(today.Value, customer.Value.Phone);
                Assert.Equal(text, customer.Value.ToString());
            }
        }, iter: 10_000);
    }

    [Fact]
    public void Every_valid_phone_keys_as_today()
    {
        Phone.Sample(text =>
        {
            var customer = CustomerIdentity.Parse(text).Value;

            Assert.Equal(CustomerId.Parse(text.TrimStart('+')).Value.Value, customer.Key.Key);
            Assert.Equal(0u, customer.Key.Check);
            Assert.True(customer.Key.IsPhone);
            Assert.Equal(0L, customer.Key.Key & CustomerKey.BsuidTag);
        }, iter: 10_000);
    }

    [Fact]
    public void A_packed_bsuid_round_trips_through_its_key()
    {
        PackedBsuid.Sample(text =>
        {
            var customer = CustomerIdentity.Parse(text).Value;

            Assert.True(customer.Key.IsPacked);
            Assert.Equal(text, customer.ToString());
            Assert.True(BsuidKey.TryUnpack(customer.Key, out var unpacked));
            Assert.Equal(text, unpacked);
        }, iter: 10_000);
    }

    [Fact]
    public void Distinct_bsuids_get_distinct_keys()
    {
        AnyBsuid.Array[2, 64].Sample(texts =>
        {
            var distinctTexts = texts.Distinct(StringComparer.Ordinal).Count();
            var distinctKeys = texts.Select(t => CustomerIdentity.Parse(t).Value.Key).Distinct().Count();

            Assert.Equal(distinctTexts, distinctKeys);
        }, iter: 2_000, print: t => string.Join(" ", t));
    }

    [Fact]
    public void Packed_bsuids_that_differ_in_one_digit_get_distinct_keys()
    {
        Gen.Select(PackedBsuid, Gen.Int, Gen.Char['0', '9']).Sample((text, at, digit) =>
        {
            var bodyStart = text.IndexOf('.', 3) > 0 ? 7 : 3;
            var i = bodyStart + 1 + (int)((uint)at % (uint)Math.Max(1, text.Length - bodyStart - 1));
            if (i >= text.Length)
            {
                return;
            }

            var other = string.Concat(text.AsSpan(0, i), digit.ToString(), text.AsSpan(i + 1));
            var equalKeys = CustomerIdentity.Parse(text).Value.Key == CustomerIdentity.Parse(other).Value.Key;

            Assert.Equal(text == other, equalKeys);
        }, iter: 10_000);
    }

    [Fact]
    public void A_phone_key_never_equals_a_bsuid_key()
    {
        Gen.Select(Phone, AnyBsuid).Sample((phoneText, bsuidText) =>
        {
            var phone = CustomerIdentity.Parse(phoneText).Value.Key;
            var bsuid = CustomerIdentity.Parse(bsuidText).Value.Key;

            Assert.True(bsuid.IsBsuid);
            Assert.NotEqual(0L, bsuid.Key & CustomerKey.BsuidTag);
            Assert.True(bsuid.Key > 0);
            Assert.NotEqual(phone.Key, bsuid.Key);
        }, iter: 10_000);
    }

    [Fact]
    public void A_bsuid_parses_to_the_same_key_every_time_and_only_packed_keys_unpack()
    {
        AnyBsuid.Sample(text =>
        {
            var first = CustomerIdentity.Parse(text).Value;
            var again = CustomerIdentity.Parse(new string(text.AsSpan())).Value;

            Assert.Equal(first, again);
            Assert.Equal(first.Key, again.Key);
            Assert.Equal(text.Contains(".ENT.", StringComparison.Ordinal) ? CustomerKind.ParentBsuid : CustomerKind.Bsuid, first.Kind);
            Assert.Equal(first.Key.IsPacked, BsuidKey.TryUnpack(first.Key, out var unpacked));
            if (first.Key.IsPacked)
            {
                Assert.Equal(text, unpacked);
            }
        }, iter: 5_000);
    }
}
