using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace WabaActors.Host.Hosting;

/// <summary>
/// Before the silo exists, checks that its silo and gateway endpoints can be listened on. Orleans' own
/// listeners share a port with another process's silo without a word (the newer silo then declares the
/// older one dead), so two hosts on one machine with the same ports would both "start": this check stops
/// the second at start instead, logging the port and the setting to change (docs/operations.md "Ports").
/// It is the endpoint options' start-up validation (<see cref="Add"/>), the first thing a host does when it
/// starts, so a failure leaves no half-started silo behind. It probes once: a later validation (an options
/// monitor) answers the first result rather than finding the running silo's own ports taken.
/// </summary>
internal sealed class SiloPortCheck(ILogger<SiloPortCheck> logger) : IValidateOptions<EndpointOptions>
{
    private ValidateOptionsResult? _result;

    /// <summary>Registers the check.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<EndpointOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EndpointOptions>, SiloPortCheck>();
    }

    public ValidateOptionsResult Validate(string? name, EndpointOptions options)
    {
        if (_result is { } known)
        {
            return known;
        }

        var errors = new List<string>();
        Check(options.SiloListeningEndpoint ?? new IPEndPoint(options.AdvertisedIPAddress ?? IPAddress.Any, options.SiloPort), "silo", "SiloPort", errors);
        if (options.GatewayPort > 0)
        {
            Check(options.GatewayListeningEndpoint ?? new IPEndPoint(options.AdvertisedIPAddress ?? IPAddress.Any, options.GatewayPort), "gateway", "GatewayPort", errors);
        }

        return _result = errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void Check(IPEndPoint endpoint, string what, string portKey, List<string> errors)
    {
        if (TryListen(endpoint) is not { } error)
        {
            return;
        }

        var key = $"{WabaOptions.Section}:Cluster:{portKey}";
        string message;
        if (error == SocketError.AddressAlreadyInUse)
        {
            HostLog.PortTaken(logger, what, endpoint.Port, endpoint.ToString(), key);
            message = $"The Orleans {what} port {endpoint.Port} ({endpoint}) is already in use (another silo or process on this machine listens on it): " +
                $"set {key} (env {key.Replace(":", "__", StringComparison.Ordinal)}) to a free port.";
        }
        else
        {
            var listenKey = $"{WabaOptions.Section}:Cluster:ListenAddress";
            HostLog.CannotListen(logger, what, endpoint.ToString(), error, listenKey);
            message = $"The Orleans {what} endpoint {endpoint} cannot be listened on ({error}): check {listenKey} and {WabaOptions.Section}:Cluster:AdvertisedAddress.";
        }

        errors.Add(message);
    }

    /// <summary>Binds and listens on <paramref name="endpoint"/> once; the error, or null when it is free.</summary>
    private static SocketError? TryListen(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (OperatingSystem.IsLinux())
        {
            // SO_REUSEADDR alone (SOL_SOCKET 1, SO_REUSEADDR 2): a port left in TIME_WAIT by a killed silo is
            // free, a port some socket listens on is not. .NET's ReuseAddress would add SO_REUSEPORT, which
            // lets a second listener share the port: exactly what this check is for.
            socket.SetRawSocketOption(1, 2, BitConverter.GetBytes(1));
        }
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            socket.SetRawSocketOption(0xffff, 4, BitConverter.GetBytes(1));
        }
        else if (OperatingSystem.IsWindows())
        {
            socket.ExclusiveAddressUse = true;
        }

        try
        {
            socket.Bind(endpoint);
            socket.Listen(1);
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }
}
