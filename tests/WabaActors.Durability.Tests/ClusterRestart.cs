using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Durability.Tests.Support;

namespace WabaActors.Durability.Tests;

/// <summary>
/// Test 1: the whole cluster stops and a new one starts on the same database. Everything that was
/// acknowledged — windows, template grants, history — is answered the same by the new cluster, from
/// PostgreSQL alone (the new silos share no memory with the old ones); a session grant, written nowhere,
/// is decided afresh on the window as the new cluster knows it.
/// </summary>
public class ClusterRestart
{
    [Fact]
    public async Task EveryAcknowledgedWindowGrantAndEventSurvivesAFullRestart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (serviceId, clusterId) = ($"svc-{Ids.Short()}", $"cluster-{Ids.Short()}");
        var (phoneA, phoneB) = (Ids.Phone(), Ids.Phone());
        var windows = new Dictionary<(string Phone, string Customer), WindowView>();
        var grants = new List<(string Phone, PermitRequest Request, PermitDecision Decision)>();
        GrainAccount account;
        AccountView viewBefore;
        IReadOnlyList<EventView> eventsBefore;

        await using (var first = await WabaCluster.StartAsync(db, serviceId, clusterId))
        {
            var grains = first.GrainFactory;
            account = await GrainAccount.LiveAsync(grains, phoneA, phoneB);

            // Windows: customers' messages a few minutes old, with sub-millisecond digits, on both numbers.
            var now = DateTimeOffset.UtcNow;
            var windowCustomers = Enumerable.Range(0, 6).Select(_ => Ids.Customer()).ToArray();
            for (var i = 0; i < windowCustomers.Length; i++)
            {
                var phone = i % 2 == 0 ? phoneA : phoneB;
                var at = now.AddMinutes(-10 - i).AddTicks(1_234_567 + i);
                windows[(phone, windowCustomers[i])] = await account.InboundAsync(grains, phone, windowCustomers[i], Ids.Message(), at);
            }

            // Session permits inside the windows.
            async Task<PermitDecision> Permit(string phone, string customer, MessageKind type)
            {
                var request = new PermitRequest(customer, type, Ids.Message());
                var decision = await account.PermitAsync(grains, phone, customer, type, request.MessageId);
                Assert.True(decision.Allowed, $"{type} to {customer}: {decision.Reason}");
                grants.Add((phone, request, decision));
                return decision;
            }

            for (var i = 0; i < 3; i++)
            {
                var session = await Permit(i % 2 == 0 ? phoneA : phoneB, windowCustomers[i], MessageKind.Session);
                Assert.NotNull(session.WindowExpiresAt);
            }

            // Templates to five customers with no window: each counts one recipient (used 1…5); one more
            // inside an open window counts nothing.
            var templateCustomers = Enumerable.Range(0, 5).Select(_ => Ids.Customer()).ToArray();
            for (var i = 0; i < templateCustomers.Length; i++)
            {
                var template = await Permit(i % 2 == 0 ? phoneA : phoneB, templateCustomers[i], MessageKind.Template);
                Assert.Equal(new TemplateUsage(i + 1, 50), template.TemplateRecipients);
            }

            var inWindow = await Permit(phoneA, windowCustomers[4], MessageKind.Template);
            Assert.Null(inWindow.TemplateRecipients);

            // Windows move on after the session grants: a replay must answer the grant as it was, and a
            // decision made afresh would answer the later expiry instead.
            foreach (var (phone, customer) in new[] { (phoneA, windowCustomers[0]), (phoneB, windowCustomers[1]) })
            {
                windows[(phone, customer)] = await account.InboundAsync(grains, phone, customer, Ids.Message(), now.AddTicks(7_654_321));
            }

            viewBefore = await account.ViewAsync(grains);
            eventsBefore = await account.EventsAsync(grains);
            Assert.Equal(5, viewBefore.Limits.TemplateRecipients.Used);
            Assert.Contains(eventsBefore, e => e.Type == "billing_started");

            await first.StopAllSilosAsync().WaitAsync(Settings.Timeout);
        }

        await using var second = await WabaCluster.StartAsync(db, serviceId, clusterId);
        var again = second.GrainFactory;

        foreach (var ((phone, customer), acknowledged) in windows)
        {
            var window = await account.WindowAsync(again, phone, customer);
            Assert.True(window.Open, $"window of {customer} on {phone} is closed after the restart");
            Assert.Equal(Micro.Truncate(acknowledged.ExpiresAt), Micro.Truncate(window.ExpiresAt));
        }

        foreach (var (phone, request, acknowledged) in grants)
        {
            var replay = await account.PermitAsync(again, phone, request.Customer, request.Type, request.MessageId);
            Assert.True(replay.Allowed, $"replay of {request.MessageId} ({request.Type}) denied: {replay.Reason}");
            Assert.Equal(acknowledged.TemplateRecipients, replay.TemplateRecipients);

            // A template grant is replayed as it was. A session grant is a read, kept in memory only
            // (ADR 0022): after the restart its retry is decided afresh, on the window as it is now.
            var expected = request.Type == MessageKind.Session ? windows[(phone, request.Customer)].ExpiresAt : acknowledged.WindowExpiresAt;
            Assert.Equal(Micro.Truncate(expected), Micro.Truncate(replay.WindowExpiresAt));
        }

        var eventsAfter = await account.EventsAsync(again);
        Assert.Equal(Describe(eventsBefore), Describe(eventsAfter));

        var viewAfter = await account.ViewAsync(again);
        Assert.Equal(("live", 5, 50), (viewAfter.Status, viewAfter.Limits.TemplateRecipients.Used, viewAfter.Limits.TemplateRecipients.Limit));
        Assert.Equal(viewBefore.Numbers.Select(n => (n.Phone, n.Status, n.BillingStartedAt)), viewAfter.Numbers.Select(n => (n.Phone, n.Status, n.BillingStartedAt)));

        // The quota was rebuilt, not reset: the next new recipient is the sixth.
        var next = await account.PermitAsync(again, phoneB, Ids.Customer(), MessageKind.Template, Ids.Message());
        Assert.Equal(new TemplateUsage(6, 50), next.TemplateRecipients);
    }

    private static List<string> Describe(IReadOnlyList<EventView> events) =>
        [.. events.Select(e => $"{e.Id}|{e.Type}|{Micro.Truncate(e.At):O}|{e.Phone}|{e.Value}|{e.Reason}")];
}
