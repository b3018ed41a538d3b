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

        if (c.ListenAddress is { } listen)
        {
            if (!IPAddress.TryParse(listen, out var listenIp))
            {
                errors.Add($"{Cluster}:ListenAddress must be an IP address (0.0.0.0 for every interface).");
            }
            else if (c.AdvertisedAddress is { } advertised && IPAddress.TryParse(advertised, out var advertisedIp)
                && IPAddress.IsLoopback(advertisedIp) && !IPAddress.IsLoopback(listenIp) && !IsAny(listenIp))
            {
                errors.Add($"{Cluster}:ListenAddress must be loopback or 0.0.0.0 when {Cluster}:AdvertisedAddress is loopback: other silos could not reach this one.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

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
