using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WabaActors.Api.Tests.Support;
using WabaActors.Grains.Storage;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/operations.md "A silo that dies": a permit whose grain work cannot finish (its quota's commit
/// hangs, as on a silo that just died) is answered <c>503 timeout</c> with <c>Retry-After</c> within
/// <c>WabaActors:Faults:DecisionDeadline</c>, instead of hanging until the caller gives up; the retry with
/// the same message id gets the one grant, counted once.
/// </summary>
public sealed class DecisionDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private StalledQuotaStore _store = null!;
    private ApiFactory _factory = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(new Dictionary<string, string?> { ["WabaActors:Faults:DecisionDeadline"] = "00:00:00.500" }, services: services =>
            services.AddSingleton<IMessagingStore>(sp => _store = new StalledQuotaStore(ActivatorUtilities.CreateInstance<InMemoryMessagingStore>(sp))));
        _factory.StartServer();
        _api = new ApiClient(_factory.CreateClient());
        await Eventually.Until(async () => (await _api.Get("/health/ready")).Status == HttpStatusCode.OK, Timeout, "the silo did not become ready");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task APermitThatCannotBeDecidedInTimeIsA503TimeoutAndItsRetryIsGrantedOnce()
    {
        var account = await _api.LiveAndApprovedAsync();
        var permit = new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() };

        Reply stalled;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (_store.Stall())
        {
            stalled = await _api.Post(account.Number + "/permits", permit);
        }

        // The deadline's answer (0.5 s), well before Orleans' own response timeout (30 s) or a caller's.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {watch.Elapsed}");
        var problem = stalled.Problem(HttpStatusCode.ServiceUnavailable, "timeout");
        Assert.StartsWith("No decision within 0.5 s", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, stalled.RetryAfterSeconds);

        // Other calls of the group were not held: a window read answers at once meanwhile and after.
        (await _api.Get(account.Number + "/windows/" + Ids.Customer())).Ok();

        var retried = (await _api.Post(account.Number + "/permits", permit)).Ok();
        Assert.True(retried["allowed"]!.GetValue<bool>());
        Assert.Equal(1, retried["templateRecipients"]!["used"]!.GetValue<int>());
    }
}
