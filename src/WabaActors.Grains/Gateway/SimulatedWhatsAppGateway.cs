using System.Security.Cryptography;
using WabaActors.Domain.Numbers;

namespace WabaActors.Grains.Gateway;

/// <summary>
/// Sends nothing: issues a random code that the operator reads back through
/// <c>GET /v1/admin/simulator/numbers/{phone}/verification-code</c>.
/// </summary>
public sealed class SimulatedWhatsAppGateway : IWhatsAppGateway
{
    public Task<string> SendVerificationCodeAsync(string phone, VerificationMethod method, int codeLength, CancellationToken ct = default)
    {
        var digits = new char[codeLength];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return Task.FromResult(new string(digits));
    }
}
