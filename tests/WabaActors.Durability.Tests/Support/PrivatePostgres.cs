using System.Diagnostics;

namespace WabaActors.Durability.Tests.Support;

/// <summary>
/// A PostgreSQL server of one test's own (deploy/postgres-local.sh with its own state file and port), so
/// that the test may crash it (<see cref="KillAsync"/>: <c>pg_ctl -m immediate stop</c>, data kept) and
/// start it again on the same data and port (<see cref="ResumeAsync"/>) without touching the server the
/// other tests share (WABA_TEST_POSTGRES). Stopped and deleted when disposed.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _state;

    private PrivatePostgres(string state, string connectionString) => (_state, ConnectionString) = (state, connectionString);

    /// <summary>Its database <c>waba</c> (empty: the host migrates it).</summary>
    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), $"waba-pg-private-{Guid.NewGuid():N}.env");
        var connectionString = (await RunAsync(state, "start")).Trim();
        return new PrivatePostgres(state, connectionString);
    }

    /// <summary>A crash: every session cut, no checkpoint; the data directory stays.</summary>
    public Task KillAsync() => RunAsync(_state, "kill");

    /// <summary>The same server again (crash recovery), on the same port; returns once it accepts connections.</summary>
    public Task ResumeAsync() => RunAsync(_state, "resume");

    public async ValueTask DisposeAsync() => await RunAsync(_state, "stop");

    private static async Task<string> RunAsync(string state, string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(command);
        start.Environment["WABA_PG_STATE"] = state;
        start.Environment["PGPORT_WABA"] = HostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Settings.Timeout);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"postgres-local.sh {command} failed ({process.ExitCode}): {await errors}");
    }

    private static string Script => Path.Combine(Path.GetDirectoryName(HostProcess.HostDll)!, "..", "..", "..", "..", "..", "deploy", "postgres-local.sh");
}
