using System.Security.Cryptography;
using System.Text;
using WabaActors.Contracts.Notifications;

namespace WabaActors.Grains.Tests.Notifications;

/// <summary>The recipe docs/operations.md gives mluvii, checked against an HMAC computed independently.</summary>
public class NotificationSignatureVerify
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"tenant":"acme","waba":"w-1","events":[]}""");
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static long Timestamp => Now.ToUnixTimeSeconds();

    [Fact]
    public void SignIsTheHmacOfTimestampDotBody()
    {
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{Timestamp}.{Encoding.UTF8.GetString(Body)}")));

        Assert.Equal(expected, NotificationSignature.Sign(Secret, Timestamp, Body));
    }

    [Fact]
    public void AFreshSignatureVerifies()
    {
        Assert.True(NotificationSignature.Verify(Secret, $"{Timestamp}", NotificationSignature.Sign(Secret, Timestamp, Body), Body, Now.AddMinutes(4), Window));
    }

    [Fact]
    public void AnAlteredBodyOrAnotherSecretFails()
    {
        var signature = NotificationSignature.Sign(Secret, Timestamp, Body);
        var altered = Body.ToArray();
        altered[^2] = (byte)'x';

        Assert.False(NotificationSignature.Verify(Secret, $"{Timestamp}", signature, altered, Now, Window));
        Assert.False(NotificationSignature.Verify(Secret + "!", $"{Timestamp}", signature, Body, Now, Window));
    }

    [Fact]
    public void AReplayedTimestampOutsideTheWindowFails()
    {
        var signature = NotificationSignature.Sign(Secret, Timestamp, Body);

        Assert.False(NotificationSignature.Verify(Secret, $"{Timestamp}", signature, Body, Now.AddMinutes(6), Window));
        Assert.False(NotificationSignature.Verify(Secret, $"{Timestamp + 1}", signature, Body, Now, Window));
    }

    [Theory]
    [InlineData(null, "sha256=00")]
    [InlineData("abc", "sha256=00")]
    [InlineData("1795593600", null)]
    [InlineData("1795593600", "md5=00")]
    [InlineData("1795593600", "sha256=zz")]
    public void MalformedHeadersFail(string? timestamp, string? signature)
    {
        Assert.False(NotificationSignature.Verify(Secret, timestamp, signature, Body, Now, Window));
    }
}
