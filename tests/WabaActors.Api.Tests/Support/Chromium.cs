using System.Diagnostics;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// Debian's headless Chromium as a child process: loads a page, lets its scripts and fetches run
/// (virtual time), and returns the DOM they left. No browser ⇒ the test fails saying how to install it.
/// </summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public static string Path =>
        (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? [configured]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator)
                .SelectMany(dir => Names.Select(name => System.IO.Path.Combine(dir, name))))
        .FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException(
            "Chromium is not installed: the operator-page tests drive it headless. Install it with 'apt-get install -y chromium' " +
            "(deploy/test.sh does), or set CHROMIUM_PATH.");

    /// <summary>The serialised DOM of <paramref name="url"/> once its scripts settled.</summary>
    public static async Task<string> DumpDomAsync(string url, TimeSpan? timeout = null)
    {
        var profile = Directory.CreateTempSubdirectory("waba-chromium-");
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile.FullName,
            "--virtual-time-budget=10000", "--dump-dom", url,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"Chromium did not finish {url} in time: {await errors}");
        }
        finally
        {
            TryDelete(profile);
        }

        var dom = await output;
        return process.ExitCode == 0 && dom.Length > 0
            ? dom
            : throw new Xunit.Sdk.XunitException($"Chromium exited {process.ExitCode} on {url}: {await errors}");
    }

    private static void TryDelete(DirectoryInfo profile)
    {
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A crashed renderer may still hold a file for a moment; the temp folder is the OS's to clean.
        }
    }
}
