using System.Security.Cryptography;
using System.Text;

namespace WabaActors.Grains.Telemetry;

/// <summary>Phone numbers and customer ids are personal data: logs carry a short hash instead.</summary>
public static class PersonalData
{
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 6));
}
