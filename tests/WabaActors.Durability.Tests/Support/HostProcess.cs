using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// The real host (src/WabaActors.Host's build output, never rebuilt here) run as a child process on
/// PostgreSQL: <c>dotnet WabaActors.Host.dll --urls …</c>. Its stdout and stderr are kept for failure
/// messages; it is killed (SIGKILL, the whole tree) when disposed, whatever happened.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    // Should the test run itself be torn down, no host is left behind either.
    private static readonly ConcurrentDictionary<Process, bool> Running = new();

    static HostProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Keys)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    };

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string name, int httpPort)
    {
        _process = process;
        Name = name;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = BaseAddress,
            Timeout = Settings.CallTimeout,
        };
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The host's build output for this test build's configuration (bin/Release when the tests are built Release).</summary>
    public static string HostDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "WabaActors.sln")))
            {
                root = root.Parent;
            }

            if (root is null)
            {
                throw new InvalidOperationException($"WabaActors.sln not found above {AppContext.BaseDirectory}.");
            }

            var dll = Path.Combine(root.FullName, "src", "WabaActors.Host", "bin", configuration, framework, "WabaActors.Host.dll");
            return File.Exists(dll)
                ? dll
                : throw new InvalidOperationException($"{dll} does not exist: build the solution first (dotnet build WabaActors.sln -c {configuration}).");
        }
    }

    /// <summary>A free TCP port on this machine (the listener is closed again; the host binds it next).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host on <paramref name="connectionString"/> in PostgreSQL mode and waits until /health/ready answers 200.</summary>
    /// <param name="settings">Further environment settings (e.g. <c>WabaActors__Cluster__ListenAddress</c>).</param>
    public static async Task<HostProcess> StartAsync(
        string name, string connectionString, int httpPort, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (process, host) = Launch(name, connectionString, httpPort, siloPort, gatewayPort, settings);
        try
        {
            await Eventually.ReachedAsync(
                async () =>
                {
                    if (process.HasExited)
                    {
                        throw new HostFailedException($"{name} exited with {process.ExitCode} before it was ready.");
                    }

                    using var ready = await host.Http.GetAsync("/health/ready");
                    return ready.StatusCode;
                },
                status => status == HttpStatusCode.OK,
                Settings.Timeout, $"{name} ready", Settings.ProbeMayFail);
        }
        catch (Exception e)
        {
            var failure = new HostFailedException($"{e.Message}\n{host.Output}", e);
            await host.DisposeAsync();
            throw failure;
        }

        return host;
    }

    /// <summary>
    /// <see cref="StartAsync"/> on a free HTTP port. A port found free can be taken by another process's outgoing
    /// connection before the host binds it (both come from the ephemeral range): then the start is tried again
    /// on another port, at most twice more (<paramref name="note"/> hears each retry).
    /// </summary>
    public static async Task<HostProcess> StartOnFreePortAsync(string name, string connectionString, int siloPort, int gatewayPort, Action<string> note)
    {
        for (var attempt = 1; ; attempt++)
        {
            var httpPort = FreePort();
            try
            {
                return await StartAsync(name, connectionString, httpPort, siloPort, gatewayPort);
            }
            catch (HostFailedException e) when (attempt < 3 && e.Message.Contains($"Failed to bind to address http://127.0.0.1:{httpPort}", StringComparison.Ordinal))
            {
                note($"{name}: HTTP port {httpPort} was taken before the host bound it; starting again on another port");
            }
        }
    }

    /// <summary>Starts a host expected to stop by itself (a start-up failure) and waits for its exit: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string name, string connectionString, int httpPort, int siloPort, int gatewayPort)
    {
        var (process, host) = Launch(name, connectionString, httpPort, siloPort, gatewayPort, null);
        await using (host)
        {
            try
            {
                await process.WaitForExitAsync().WaitAsync(Settings.Timeout);
            }
            catch (TimeoutException e)
            {
                throw new HostFailedException($"{name} did not stop by itself within {Settings.Timeout}.\n{host.Output}", e);
            }

            process.WaitForExit();   // the redirected output is read to its end
            return (process.ExitCode, host.Output);
        }
    }

    private static (Process Process, HostProcess Host) Launch(
        string name, string connectionString, int httpPort, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string>? settings)
    {
        var dll = HostDll;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");

        // Only this test's settings: nothing the runner's shell exported (keys, another database) leaks in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("WabaActors__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["WabaActors__Storage"] = "PostgreSql";
        start.Environment["ConnectionStrings__WabaActors"] = connectionString;
        start.Environment["WabaActors__Cluster__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["WabaActors__Cluster__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["WabaActors__Cluster__AdvertisedAddress"] = "127.0.0.1";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, name, httpPort);
        process.OutputDataReceived += (_, e) => host.Append("out", e.Data);
        process.ErrorDataReceived += (_, e) => host.Append("err", e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: dotnet did not start.");
        }

        Running[process] = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, host);
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, open connections (HTTP and PostgreSQL) just drop.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(Settings.Timeout);
    }

    /// <summary>Every line captured so far (stdout and stderr, each prefixed with its stream), for counting what was logged.</summary>
    public string[] Lines()
    {
        lock (_output)
        {
            return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>The captured stdout and stderr (the last lines), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return $"--- {Name} output (last 16 kB) ---\n{(text.Length > 16_000 ? text[^16_000..] : text)}";
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            Running.TryRemove(_process, out _);
            Http.Dispose();
            _process.Dispose();
        }
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(stream).Append("| ").AppendLine(line);
        }
    }
}

public sealed class HostFailedException(string message, Exception? inner = null) : Exception(message, inner);
