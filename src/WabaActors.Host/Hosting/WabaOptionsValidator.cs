using System.Net;
using Microsoft.Extensions.Options;

namespace WabaActors.Host.Hosting;

/// <summary>The host's switches and cluster identity, checked at start with the option's key in every message.</summary>
public sealed class WabaOptionsValidator : IValidateOptions<WabaOptions>
{
    private const string Cluster = $"{WabaOptions.Section}:Cluster";

    public ValidateOptionsResult Validate(string? name, WabaOptions options)
    {
        var errors = new List<string>();
        var c = options.Cluster;
        if (!Enum.IsDefined(options.Storage))
        {
            errors.Add($"{WabaOptions.Section}:Storage must be Memory or PostgreSql.");
        }

        if (!Enum.IsDefined(options.Clock))
        {
            errors.Add($"{WabaOptions.Section}:Clock must be System or Simulated.");
        }

        if (!Enum.IsDefined(options.Gateway))
        {
            errors.Add($"{WabaOptions.Section}:Gateway must be Simulated or Dialog360.");
        }

        Identity(c.ClusterId, "ClusterId", errors);
        Identity(c.ServiceId, "ServiceId", errors);
        Port(c.SiloPort, "SiloPort", errors);
        Port(c.GatewayPort, "GatewayPort", errors);
        if (c.SiloPort == c.GatewayPort)
        {
            errors.Add($"{Cluster}:SiloPort and {Cluster}:GatewayPort must differ.");
        }

        if (c.AdvertisedAddress is { } address && !IPAddress.TryParse(address, out _))
        {
            errors.Add($"{Cluster}:AdvertisedAddress must be an IP address.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Identity(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 150)
        {
            errors.Add($"{Cluster}:{key} must be 1–150 characters.");
        }
    }

    private static void Port(int port, string key, List<string> errors)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{Cluster}:{key} must be between 1 and 65535.");
        }
    }
}
