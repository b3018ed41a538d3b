using System.Globalization;
using System.Text;
using System.Text.Json;
using WabaActors.Host.Api;

namespace WabaActors.Api.Tests.Contract;

/// <summary>The instants' hand-written form is exactly the documented format string's, whatever the instant.</summary>
public class UtcInstantConverterTests
{
    public static TheoryData<string> Edges => new()
    {
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "2026-11-25T08:00:00Z", "2026-11-25T08:00:00.5Z",
        "2026-11-25T08:00:00.0000001Z", "2026-11-25T08:00:00.1000000Z", "2026-11-25T08:00:00.0100100Z", "2026-11-25T10:00:00.123+02:00",
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void EdgesAreWrittenAsTheFormatWritesThem(string instant) =>
        AssertSame(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    [Fact]
    public void RandomInstantsAreWrittenAsTheFormatWritesThem()
    {
        var random = new Random(19);
        for (var i = 0; i < 100_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);

            // Half the fractions rounded to a power of ten, so that trailing zeros are common.
            if (i % 2 == 0)
            {
                ticks -= ticks % (long)Math.Pow(10, random.Next(0, 8));
            }

            AssertSame(new DateTimeOffset(ticks, TimeSpan.Zero));
        }
    }

    private static void AssertSame(DateTimeOffset instant)
    {
        var expected = instant.UtcDateTime.ToString(UtcInstantConverter.Format, CultureInfo.InvariantCulture);
        Span<byte> text = stackalloc byte[28];
        Assert.Equal(expected, Encoding.ASCII.GetString(text[..UtcInstantConverter.Write(instant, text)]));

        var options = new JsonSerializerOptions { Converters = { new UtcInstantConverter() } };
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(instant, options));
    }
}
