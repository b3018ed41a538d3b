using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/telemetry.md "Traces": one HTTP permit is one trace — the ASP.NET Core span, the grain call
/// it makes as its child — and the log lines written meanwhile carry that trace id.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly LockedList<Activity> _spans = new();
    private readonly ScopeSink _logs = new();
    private ApiFactory _factory = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(new Dictionary<string, string?> { ["WabaActors:Telemetry:Traces"] = "true" }, services: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.AddSingleton<ILoggerProvider>(_logs);
            services.Configure<LoggerFilterOptions>(o => o.AddFilter<ScopeSink>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information));
        });
        _factory.StartServer();
        _api = new ApiClient(_factory.CreateClient());
        await Eventually.Until(async () => (await _api.Get("/health/ready")).Status == System.Net.HttpStatusCode.OK, Timeout, "the silo did not become ready");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task APermitRequestIsOneTraceFromTheHttpSpanToTheGrainCall()
    {
        var account = await _api.LiveAsync();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, account.Number + "/permits")
        {
            Content = JsonContent.Create(new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await _api.Http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Activity? http = null, call = null;
        await Eventually.Until(() =>
        {
            var trace = _spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
            http = trace.FirstOrDefault(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
            call = trace.FirstOrDefault(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && http is not null && s.ParentSpanId == http.SpanId);
            return Task.FromResult(call is not null);
        }, Timeout, "no grain-call span under the permit's HTTP span");

        Assert.Contains("RequestPermit", call!.DisplayName, StringComparison.Ordinal);
        Assert.Contains(_spans.Snapshot(), s => s.TraceId == traceId && s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.Orleans.Application");
    }

    [Fact]
    public async Task LogLinesOfARequestCarryItsTraceId()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/clock");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await _api.Http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        await Eventually.Until(() => Task.FromResult(_logs.Entries.Snapshot().Any(e => e.Scope.GetValueOrDefault("TraceId") == traceId.ToHexString())),
            Timeout, "no log line carries the request's trace id");
    }
}
