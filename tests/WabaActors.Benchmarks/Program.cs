using WabaActors.Benchmarks;
using WabaActors.Domain.Messaging;

// dotnet run -c Release --project tests/WabaActors.Benchmarks -- domain [--out results.md]
//   times the domain's hot sets against a naive baseline, then measures their heap per entry;
// dotnet run -c Release --project tests/WabaActors.Benchmarks -- durable --pg <connection string> [--out results.md]
//   durable decisions on PostgreSQL: group commit against one commit per change and whole-state rewrites.
// dotnet run -c Release --project tests/WabaActors.Benchmarks -- grains [--pg <connection string>] [--only permits,windows,memory,cold,durable] [--out results.md]
//   the grains in a co-hosted silo: permits, 10 vs 1M windows, heap per window; with --pg, cold activation and durable decisions.
var mode = args.FirstOrDefault();
var outPath = Option("--out");
if (mode == "durable" && Option("--pg") is { } pg)
{
    return await DurableProgram.RunAsync(pg, outPath);
}

if (mode == "grains")
{
    return await GrainProgram.RunAsync(Option("--pg"), outPath, Option("--only"));
}

// redis --redis host:port [--connections n (16)] [--out f.md]: the durable workload on the Redis peer (RedisPeer.cs);
// http-setup --url http://host:port [--accounts a --numbers n --windows w --counted c] [--out numbers.txt]: for WrkPermits.lua.
if (mode == "redis" && Option("--redis") is { } redis)
{
    return await RedisProgram.RunAsync(redis, int.Parse(Option("--connections") ?? "16", System.Globalization.CultureInfo.InvariantCulture), outPath);
}

if (mode == "http-setup" && Option("--url") is { } url)
{
    return await HttpSetup.RunAsync(url, Count("--accounts", 20), Count("--numbers", 10), Count("--windows", 50), Count("--counted", 50), outPath);
}

// http-limits --url u --numbers numbers.txt --secret s [--tier TIER_UNLIMITED]: raises http-setup's accounts' template limit (signed webhook);
// load --url u --numbers numbers.txt --rate r --minutes m [--connections 256] [--pid host] [--metrics /metrics] --out soak.md [--header lines.md]
//   [--session-horizon 10] [--inbound-bytes 52 --grant-bytes 196 --recipient-bytes 252 --session-bytes 196]: the soak's open-loop load (OpenLoad.cs).
if (mode == "http-limits" && Option("--url") is { } limitsUrl && Option("--numbers") is { } limitsNumbers && Option("--secret") is { } secret)
{
    return await HttpLimits.RunAsync(limitsUrl, limitsNumbers, secret, Option("--tier") ?? "TIER_UNLIMITED");
}

if (mode == "load" && Option("--url") is { } loadUrl && Option("--numbers") is { } loadNumbers && Option("--rate") is not null && outPath is not null)
{
    var model = new SoakModel(Real("--inbound-bytes", 52), Real("--grant-bytes", 196), Real("--recipient-bytes", 252), Real("--session-bytes", 196), Real("--session-horizon", 10));
    return await OpenLoad.RunAsync(loadUrl, loadNumbers, Real("--rate", 0), Count("--minutes", 30), Count("--connections", 256),
        Option("--pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null, Option("--metrics") ?? "/metrics", outPath, Option("--header"), model);
}

if (mode != "domain")
{
    Console.Error.WriteLine("usage: WabaActors.Benchmarks domain [--out <file.md>] | durable --pg <connection string> [--out <file.md>] | grains [--pg <connection string>] [--only …] [--out <file.md>] | redis --redis <host:port> [--connections n] [--out <file.md>] | http-setup --url <base url> --out <numbers.txt> | http-limits … | load …; deploy/bench.sh runs them all");
    return 2;
}

const int Million = DomainScenarios.Million;
var report = new Report();
Console.WriteLine(Report.Environment);

var windowsSmall = report.Add(DomainScenarios.Windows(10));
var windowsLarge = report.Add(DomainScenarios.Windows(Million));
report.Ratio("windows 1M / 10", windowsLarge, windowsSmall);
var naiveWindowsSmall = report.Add(DomainScenarios.NaiveWindows(10));
var naiveWindowsLarge = report.Add(DomainScenarios.NaiveWindows(Million));
report.Ratio("naive windows 1M / 10", naiveWindowsLarge, naiveWindowsSmall);

var recipientsSmall = report.Add(DomainScenarios.Recipients(10));
var recipientsLarge = report.Add(DomainScenarios.Recipients(Million));
report.Ratio("recipients 1M / 10", recipientsLarge, recipientsSmall);
var naiveRecipientsSmall = report.Add(DomainScenarios.NaiveRecipients(10));
var naiveRecipientsLarge = report.Add(DomainScenarios.NaiveRecipients(Million));
report.Ratio("naive recipients 1M / 10", naiveRecipientsLarge, naiveRecipientsSmall);

report.Add(DomainScenarios.Permit(MessageType.Template));
report.Add(DomainScenarios.Permit(MessageType.Session));

report.Memory("windows, 1M open", DomainScenarios.WindowBytes());
report.Memory("windows, 1M extended once more", DomainScenarios.WindowExtendBytes());
report.Memory("recipients, 1M counted", DomainScenarios.RecipientBytes());
report.Memory("naive windows, 1M open", DomainScenarios.NaiveWindowBytes());
report.Memory("naive recipients, 1M counted", DomainScenarios.NaiveRecipientBytes());

if (outPath is not null)
{
    report.WriteMarkdown(outPath);
}

GC.KeepAlive(DomainScenarios.Sink);
return 0;

double Real(string name, double otherwise) => Option(name) is { } value ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : otherwise;

int Count(string name, int otherwise) => Option(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : otherwise;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
