using System.Net;
using System.Text.Json.Nodes;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md "Shadow mode" (ADR 0028): a tenant whose gate runs in shadow (<c>WabaActors:Enforcement:Tenants:{tenant}</c>)
/// gets every denial answered <c>allowed: true</c> with <c>shadow: { reason, retryAt }</c> — decided and counted, never
/// granted — while other tenants and the refusals that are no decision (400, 404, 409) are untouched; flipped by a
/// configuration reload, without a restart. Under both rule profiles.
/// </summary>
public abstract class ShadowModeTests(HostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task ClosedWindowIsAllowedNamingTheDenialInShadowAndDeniedOnceEnforcedAgain()
    {
        var account = await _api.LiveAndApprovedAsync();
        var other = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        var messageId = Ids.MessageId();
        Mode(account, "Shadow");

        var shadowed = (await Permit(account, customer, "session", messageId)).Ok();
        var retried = (await Permit(account, customer, "session", messageId)).Ok();
        var elsewhere = (await Permit(other, customer, "session")).Ok();

        Assert.True(shadowed.Bool("allowed"), shadowed.ToJsonString());
        Assert.Equal("customer_service_window_closed", shadowed.Str("shadow.reason"));
        Assert.True(shadowed.IsNull("shadow.retryAt"));
        Assert.True(shadowed.IsNull("reason"));
        Assert.True(shadowed.IsNull("pricing"), "a shadowed denial granted nothing, so it prices nothing");
        Assert.Equal(shadowed.ToJsonString(), retried.ToJsonString());
        Assert.False(elsewhere.Bool("allowed"));
        Assert.Equal("customer_service_window_closed", elsewhere.Str("reason"));
        Assert.False(elsewhere.AsObject().ContainsKey("shadow"), "another tenant is enforced: no shadow");

        Mode(account, "Enforce");
        var enforced = (await Permit(account, customer, "session", messageId)).Ok();

        Assert.False(enforced.Bool("allowed"));
        Assert.Equal("customer_service_window_closed", enforced.Str("reason"));
        Assert.False(enforced.AsObject().ContainsKey("shadow"));
    }

    [Fact]
    public async Task InShadowOnlyTheDenialCarriesAShadowAndAnAllowedSendIsPricedAsEver()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await _api.OpenWindow(account, customer);
        Mode(account, "Shadow");

        var decision = (await Permit(account, customer, "session")).Ok();
        var shadowed = (await Permit(account, Ids.Customer(), "session")).Ok();

        Assert.True(decision.Bool("allowed"));
        Assert.False(decision.AsObject().ContainsKey("shadow"));
        Assert.False(decision.IsNull("pricing"));
        Assert.Equal((true, "customer_service_window_closed"), (shadowed.Bool("allowed"), shadowed.Str("shadow.reason")));
    }

    [Fact]
    public async Task TemplateOverTheLimitInShadowIsAllowedWithTheRetryAtAndTakesNoSlot()
    {
        var account = await _api.LiveAndApprovedAsync();
        for (var filled = 0; filled < _rules.TemplateLimit; filled += 100)
        {
            var size = Math.Min(100, _rules.TemplateLimit - filled);
            Assert.All(Decisions(await Batch(account, Templates(size))), d => Assert.True(d.Bool("allowed"), d.ToJsonString()));
        }

        var nextSlotAt = (await _api.Get(account.Path)).Ok().Instant("limits.templateRecipients.nextSlotAt");
        Mode(account, "Shadow");
        var (late, messageId) = (Ids.Customer(), Ids.MessageId());

        var shadowed = (await Permit(account, late, "template", messageId)).Ok();
        var retried = (await Permit(account, late, "template", messageId)).Ok();

        Assert.True(shadowed.Bool("allowed"), shadowed.ToJsonString());
        Assert.Equal("template_recipient_limit_reached", shadowed.Str("shadow.reason"));
        Assert.Equal(nextSlotAt, shadowed.Instant("shadow.retryAt"));
        Assert.Equal(shadowed.ToJsonString(), retried.ToJsonString());
        Assert.Equal(_rules.TemplateLimit, (await _api.Get(account.Path)).Ok().Int("limits.templateRecipients.used"));

        // Enforced again, the same message is denied: the shadowed one took no slot it could now replay.
        Mode(account, "Enforce");
        var enforced = (await Permit(account, late, "template", messageId)).Ok();
        Assert.Equal(("template_recipient_limit_reached", nextSlotAt), (enforced.Str("reason"), enforced.Instant("retryAt")));
    }

    [Fact]
    public async Task BatchShadowsEachDenialAndKeepsEachEntrysProblem()
    {
        var (account, replying, granted) = await GrantedThenShadowedAsync();

        var decisions = Decisions(await Batch(account,
            Permit(Ids.Customer(), "session"), Permit(replying, "session"), new { customer = "abc", type = "sms", messageId = "" },
            Permit(Ids.Customer(), "session", granted)));

        Assert.True(decisions[0].Bool("allowed"));
        Assert.Equal("customer_service_window_closed", decisions[0].Str("shadow.reason"));
        Assert.True(decisions[1].Bool("allowed"));
        Assert.False(decisions[1].AsObject().ContainsKey("shadow"));
        Assert.Equal(("validation_failed", 400), (decisions[2].Str("code"), decisions[2].Int("status")));
        Assert.Equal(("message_id_reused", 409), (decisions[3].Str("code"), decisions[3].Int("status")));
    }

    [Fact]
    public async Task RefusalsThatAreNoDecisionAreNotShadowed()
    {
        var (account, customer, granted) = await GrantedThenShadowedAsync();
        Assert.Equal("customer_service_window_closed", (await Permit(account, Ids.Customer(), "session")).Ok().Str("shadow.reason"));

        (await _api.Post(account.Number + "/permits", new { customer = "abc", type = "sms", messageId = "" })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        (await Permit(account with { Phone = Ids.Phone() }, customer, "session")).Problem(HttpStatusCode.NotFound, "not_found");
        (await Permit(account, Ids.Customer(), "session", granted)).Problem(HttpStatusCode.Conflict, "message_id_reused");
    }

    [Fact]
    public async Task AShadowDenialIsCountedByItsReasonAndTypeAsAnAllowedAnswer()
    {
        var account = await _api.LiveAndApprovedAsync();
        Mode(account, "Shadow");
        string[] shadow = ["reason=\"customer_service_window_closed\"", "type=\"session\""];
        string[] allowed = ["allowed=\"true\"", "reason=\"none\"", "type=\"session\""];
        var (shadowBefore, allowedBefore) = (await Sample("waba_permit_shadow_denials_total", shadow), await Sample("waba_permit_decisions_total", allowed));

        Assert.Equal("customer_service_window_closed", (await Permit(account, Ids.Customer(), "session")).Ok().Str("shadow.reason"));

        await Eventually.Until(async () => await Sample("waba_permit_shadow_denials_total", shadow) >= shadowBefore + 1
            && await Sample("waba_permit_decisions_total", allowed) >= allowedBefore + 1, Timeout, "the shadow denial was not counted");
    }

    [Fact]
    public async Task AnInvalidChangeIsRefusedNamingItsKeyAndTheTenantsModeStays()
    {
        var account = await _api.LiveAndApprovedAsync();
        var key = $"WabaActors:Enforcement:Tenants:{account.Tenant}";
        Mode(account, "Shadow");
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("[500]", StringComparison.Ordinal) && l.Contains(account.Tenant, StringComparison.Ordinal));
        try
        {
            try
            {
                fixture.Live.Set(key, "observe");
            }
            catch (AggregateException)
            {
                // The options monitor ValidateOnStart made reports the invalid section to whoever reloaded: here the
                // test (a watched file's reload runs on a task that swallows it). The modes are the subject, below.
            }

            var decision = (await Permit(account, Ids.Customer(), "session")).Ok();

            Assert.Equal((true, "customer_service_window_closed"), (decision.Bool("allowed"), decision.Str("shadow.reason")));
            Assert.Contains(fixture.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("[501]", StringComparison.Ordinal)
                && l.Contains(key, StringComparison.Ordinal));
        }
        finally
        {
            fixture.Live.Set(key, null);
        }
    }

    /// <summary>An account whose customer's window is open and a session granted to it, then its tenant put in shadow.</summary>
    private async Task<(TestAccount Account, string Customer, string Granted)> GrantedThenShadowedAsync()
    {
        var account = await _api.LiveAndApprovedAsync();
        var customer = Ids.Customer();
        await _api.OpenWindow(account, customer);
        var granted = Ids.MessageId();
        (await Permit(account, customer, "session", granted)).Ok();
        Mode(account, "Shadow");
        return (account, customer, granted);
    }

    private void Mode(TestAccount account, string mode) => fixture.Live.Set($"WabaActors:Enforcement:Tenants:{account.Tenant}", mode);

    private Task<Reply> Permit(TestAccount account, string customer, string type, string? messageId = null) =>
        _api.Post(account.Number + "/permits", Permit(customer, type, messageId));

    private static object Permit(string customer, string type, string? messageId = null) =>
        new { customer, type, messageId = messageId ?? Ids.MessageId() };

    private Task<Reply> Batch(TestAccount account, params object?[] permits) =>
        _api.Post(account.Number + "/permits/batch", new { permits });

    private static JsonNode[] Decisions(Reply reply) => [.. reply.Ok()["decisions"]!.AsArray().Select(d => d!)];

    private static object?[] Templates(int count) => [.. Enumerable.Range(0, count).Select(_ => Permit(Ids.Customer(), "template"))];

    private async Task<double> Sample(string name, params string[] labels) =>
        Metrics.Sample((await _api.Get("/metrics")).Body, name, labels);
}

[Collection(ApiCollection.Name)]
public sealed class ShadowModeDocumentTests(ApiFixture fixture) : ShadowModeTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class ShadowModeMetaTests(MetaApiFixture fixture) : ShadowModeTests(fixture);
