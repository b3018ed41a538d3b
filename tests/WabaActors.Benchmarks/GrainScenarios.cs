using System.Globalization;
using WabaActors.Contracts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Rules;

namespace WabaActors.Benchmarks;

/// <summary>
/// The permit path through the grains on the embedded wiring (memory grain storage, in-memory
/// stores): <see cref="Numbers"/> registered numbers with <see cref="WindowsPerNumber"/> open
/// windows each, asked for session permits by co-hosted callers; the trivial <see cref="IEchoGrain"/>
/// call is the Orleans ceiling. Then one number with 10 windows against one with 1M.
/// Every op uses a new message id (a new grant, not a replay).
/// </summary>
public sealed class GrainScenarios : IAsyncDisposable
{
    public const int Numbers = 10_000;
    public const int WindowsPerNumber = 10;
    public const int LargeWindows = DomainScenarios.Million;
    public const int SmallWindows = 10;
    private const int OutsideCustomers = 4_096;

    private readonly GrainSilo _silo;
    private readonly BenchAccounts _permits;
    private readonly BenchAccounts _windows;
    private readonly string[][] _inside;
    private readonly string[] _outside;
    private readonly IEchoGrain[] _echo;
    private int _run;

    private GrainScenarios(GrainSilo silo, BenchAccounts permits, BenchAccounts windows)
    {
        (_silo, _permits, _windows) = (silo, permits, windows);
        _inside = [.. Enumerable.Range(0, Numbers).Select(n => Enumerable.Range(0, WindowsPerNumber).Select(k => Customers.Text(n * WindowsPerNumber + k)).ToArray())];
        _outside = [.. Enumerable.Range(0, OutsideCustomers).Select(j => Customers.Text(100_000_000 + j))];
        _echo = [.. Enumerable.Range(0, Numbers).Select(n => silo.Grains.GetGrain<IEchoGrain>(n))];
    }

    /// <summary>The number with 10 windows of the second scenario (an index of its account's numbers).</summary>
    public const int Small = 0;

    /// <summary>The number with 1M windows of the second scenario.</summary>
    public const int Large = 1;

    /// <summary>
    /// Starts the silo; for the permits, onboards 5k accounts × 2 numbers, opens their windows and asks
    /// one permit per number (so each has its gate); for the windows, one account with the two window
    /// numbers and their windows. All untimed.
    /// </summary>
    public static async Task<GrainScenarios> CreateAsync(Action<string> log, bool permits = true, bool windows = true)
    {
        var silo = await GrainSilo.StartInMemoryAsync(WabaRules.Document);
        var took = System.Diagnostics.Stopwatch.StartNew();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var scenarios = new GrainScenarios(silo,
            await BenchAccounts.OnboardAsync(silo.Grains, "waba-permits", "4207", permits ? Numbers : 0),
            await BenchAccounts.OnboardAsync(silo.Grains, "waba-windows", "4208", windows ? 2 : 0));
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        log($"onboarded {scenarios._permits.Count + scenarios._windows.Count:N0} numbers through the grains in {took.Elapsed.TotalSeconds:N1} s; "
            + $"GC heap per onboarded account (account + 2 number activations, their state, history, quota grain): "
            + $"{(heapAfter - heapBefore) / Math.Max(1.0, (scenarios._permits.Count + scenarios._windows.Count) / 2.0):N0} bytes");

        var now = DateTimeOffset.UtcNow;
        if (permits)
        {
            took.Restart();
            var numbers = scenarios._permits;
            await Parallel.ForEachAsync(Enumerable.Range(0, Numbers), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, _) =>
            {
                foreach (var customer in scenarios._inside[n])
                {
                    BenchAccounts.Ok(await numbers.Numbers[n].RecordInboundAsync(numbers.Scopes[n], new InboundMessage(customer, $"wamid.in.{customer}", now)));
                }

                await CheckPermitAsync(numbers.Numbers[n].RequestPermitAsync(numbers.Scopes[n], new PermitRequest(scenarios._inside[n][0], MessageKind.Session, $"wamid.warm.{n}")), true);
            });
            log($"opened {Numbers * WindowsPerNumber:N0} windows in {took.Elapsed.TotalSeconds:N1} s");
        }

        if (windows)
        {
            took.Restart();
            await scenarios.OpenWindowsAsync(Small, SmallWindows, now);
            await scenarios.OpenWindowsAsync(Large, LargeWindows, now);
            log($"opened {LargeWindows + SmallWindows:N0} windows on two numbers through RecordInboundAsync in {took.Elapsed.TotalSeconds:N1} s");
        }

        return scenarios;
    }

    /// <summary>
    /// A session permit on one of the 10k numbers (scattered), every other one to a customer whose
    /// window is open (granted, recorded) or to one with none (denied). Each call gets a new op.
    /// </summary>
    public Func<long, Task> Permits()
    {
        var run = Interlocked.Increment(ref _run);
        return i =>
        {
            var n = (int)Customers.Pick(i, Numbers);
            var inside = (i & 1) == 0;
            var customer = CustomerOf(n, i);
            var id = string.Create(CultureInfo.InvariantCulture, $"wamid.{run}.{i}");
            var request = inside ? BenchTemplates.Allowed(customer, id) : new PermitRequest(customer, MessageKind.Session, id);
            return CheckPermitAsync(_permits.Numbers[n].RequestPermitAsync(_permits.Scopes[n], request), inside);
        };
    }

    /// <summary>
    /// The same permits, <paramref name="size"/> to a number per call (<c>RequestPermitsAsync</c>): op
    /// <c>i</c> is a batch on one number, its permits alternately inside and outside a window.
    /// </summary>
    public Func<long, Task> PermitBatches(int size)
    {
        var run = Interlocked.Increment(ref _run);
        return i =>
        {
            var n = (int)Customers.Pick(i, Numbers);
            var requests = new PermitRequest[size];
            for (var k = 0; k < size; k++)
            {
                var j = i * size + k;
                var customer = CustomerOf(n, j);
                var id = string.Create(CultureInfo.InvariantCulture, $"wamid.b{run}.{j}");
                requests[k] = (j & 1) == 0 ? BenchTemplates.Allowed(customer, id) : new PermitRequest(customer, MessageKind.Session, id);
            }

            return CheckBatchAsync(_permits.Numbers[n].RequestPermitsAsync(_permits.Scopes[n], requests), i * size);
        };
    }

    /// <summary>
    /// The same permits, each through a reference looked up per call from the phone as the API's
    /// handlers do: with Orleans' <c>GetGrain&lt;T&gt;(string)</c> (<paramref name="orleansLookup"/>)
    /// or with the service's <see cref="GrainReferences.Reference{TGrain}"/>.
    /// </summary>
    public Func<long, Task> PermitsLookedUp(bool orleansLookup)
    {
        var run = Interlocked.Increment(ref _run);
        var grains = _silo.Grains;
        return i =>
        {
            var n = (int)Customers.Pick(i, Numbers);
            var inside = (i & 1) == 0;
            var customer = CustomerOf(n, i);
            var request = new PermitRequest(customer, MessageKind.Session, string.Create(CultureInfo.InvariantCulture, $"wamid.l{run}.{i}"));
            var phone = _permits.Phones[n];
            var number = orleansLookup ? grains.GetGrain<INumberGrain>(phone) : grains.Reference<INumberGrain>(phone);
            return CheckPermitAsync(number.RequestPermitAsync(_permits.Scopes[n], request), inside);
        };
    }

    /// <summary>The baseline: the same spread over 10k grains, a call that does nothing.</summary>
    public Task EchoAsync(long i) => CheckEchoAsync(_echo[(int)Customers.Pick(i, Numbers)].EchoAsync(i), i);

    /// <summary>
    /// The second baseline: the permits' requests (same spread, arguments and reply type) to 10k grains
    /// whose method answers at once, so a call costs what Orleans costs for the permit's signature.
    /// </summary>
    public Func<long, Task> EchoPermits()
    {
        var run = Interlocked.Increment(ref _run);
        return i =>
        {
            var n = (int)Customers.Pick(i, Numbers);
            var customer = CustomerOf(n, i);
            var request = new PermitRequest(customer, MessageKind.Session, string.Create(CultureInfo.InvariantCulture, $"wamid.e{run}.{i}"));
            return CheckPermitAsync(_echo[n].EchoPermitAsync(_permits.Scopes[n], request), true);
        };
    }

    /// <summary>A session permit inside an open window of the given number (a new grant each time).</summary>
    public Func<long, Task> WindowPermits(int number, int open)
    {
        var run = Interlocked.Increment(ref _run);
        return i =>
        {
            var request = new PermitRequest(Customers.Text(Customers.Pick(i, open)), MessageKind.Session, string.Create(CultureInfo.InvariantCulture, $"wamid.w{run}.{i}"));
            return CheckPermitAsync(_windows.Numbers[number].RequestPermitAsync(_windows.Scopes[number], request), true);
        };
    }

    /// <summary>Reads an open window of the given number.</summary>
    public Func<long, Task> WindowReads(int number, int open) =>
        i => CheckOpenAsync(_windows.Numbers[number].GetWindowAsync(_windows.Scopes[number], Customers.Text(Customers.Pick(i, open))));

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    /// <summary>The customer of op <paramref name="i"/> on number <paramref name="n"/>: even ops one whose window is open, odd ops one with none.</summary>
    private string CustomerOf(int n, long i) =>
        (i & 1) == 0 ? _inside[n][(i >> 1) % WindowsPerNumber] : _outside[(i >> 1) % OutsideCustomers];

    /// <summary>Customers 0..open-1 write to the number: 64 callers, each a contiguous chunk.</summary>
    private async Task OpenWindowsAsync(int number, int open, DateTimeOffset at)
    {
        var grain = _windows.Numbers[number];
        var scope = _windows.Scopes[number];
        const int Callers = 64;
        await Parallel.ForEachAsync(Enumerable.Range(0, Callers), new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (c, _) =>
        {
            for (var k = (long)open * c / Callers; k < (long)open * (c + 1) / Callers; k++)
            {
                var customer = Customers.Text(k);
                BenchAccounts.Ok(await grain.RecordInboundAsync(scope, new InboundMessage(customer, $"wamid.in.{customer}", at)));
            }
        });
    }

    private static async Task CheckPermitAsync(ValueTask<Reply<PermitDecision>> call, bool allowed)
    {
        var decision = BenchAccounts.Ok(await call);
        if (decision.Allowed != allowed)
        {
            throw new InvalidOperationException($"permit {decision.MessageId}: allowed {decision.Allowed}, expected {allowed} ({decision.Reason})");
        }
    }

    private static async Task CheckBatchAsync(ValueTask<Reply<PermitBatch>> call, long first)
    {
        var replies = BenchAccounts.Ok(await call).Replies;
        for (var k = 0; k < replies.Count; k++)
        {
            var decision = BenchAccounts.Ok(replies[k]);
            if (decision.Allowed != (((first + k) & 1) == 0))
            {
                throw new InvalidOperationException($"permit {decision.MessageId}: allowed {decision.Allowed} ({decision.Reason})");
            }
        }
    }

    private static async Task CheckOpenAsync(ValueTask<Reply<WindowView>> call)
    {
        if (!BenchAccounts.Ok(await call).Open)
        {
            throw new InvalidOperationException("the window should be open");
        }
    }

    private static async Task CheckEchoAsync(ValueTask<long> call, long expected)
    {
        if (await call != expected)
        {
            throw new InvalidOperationException("echo answered another value");
        }
    }
}
