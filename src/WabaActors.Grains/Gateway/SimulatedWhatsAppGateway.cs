using System.Security.Cryptography;
using System.Text;
using WabaActors.Domain.Numbers;

namespace WabaActors.Grains.Gateway;

/// <summary>
/// Sends nothing: issues a random code that the operator reads back through
/// <c>GET /v1/admin/simulator/numbers/{phone}/verification-code</c>, checks a code against the one it
/// issued (kept in the number's state), registers at once and has no billing figure of its own.
/// </summary>
public sealed class SimulatedWhatsAppGateway : IWhatsAppGateway
{
    public Task<GatewayResult<IssuedCode>> RequestCodeAsync(string phone, VerificationMethod method, int codeLength, CancellationToken ct = default)
    {
        var digits = new char[codeLength];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return Task.FromResult<GatewayResult<IssuedCode>>(new IssuedCode(new string(digits)));
    }

    public Task<GatewayResult<CodeVerdict>> VerifyCodeAsync(string phone, string code, IssuedCode issued, CancellationToken ct = default)
    {
        var right = issued.Code is { } expected
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code));
        return Task.FromResult<GatewayResult<CodeVerdict>>(right ? CodeVerdict.Accepted : CodeVerdict.Rejected);
    }

    public Task<GatewayResult<Registered>> RegisterAsync(string phone, CancellationToken ct = default) =>
        Task.FromResult<GatewayResult<Registered>>(Registered.Done);

    public Task<GatewayResult<ChannelStatus>> GetChannelAsync(string phone, CancellationToken ct = default) =>
        Task.FromResult<GatewayResult<ChannelStatus>>(new ChannelStatus("ready", null));
}
