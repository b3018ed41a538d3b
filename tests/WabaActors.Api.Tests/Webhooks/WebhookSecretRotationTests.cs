using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/operations.md "Rotating keys and secrets" (ADR 0026): during a rotation a webhook signed with the
/// previous secret (or a handshake with the previous verify token) is accepted and counted as such, and
/// refused once the previous one is removed — all without a restart.
/// </summary>
public class WebhookSecretRotationTests
{
    private const string OldApp = "rot-old-app-secret-93c1";
    private const string NewApp = "rot-new-app-secret-4e7b";
    private const string OldToken = "rot-old-verify-token-0a5d";
    private const string NewToken = "rot-new-verify-token-c28f";
    private const string Old360 = "rot-old-360-secret-71f9";
    private const string New360 = "rot-new-360-secret-b3e6";

    [Fact]
    public async Task PreviousSecretsAreAcceptedDuringTheOverlapAndRefusedAfter()
    {
        using var secrets = new SecretsFile(Secrets(OldApp, null, OldToken, null, Old360, null));
        await using var host = RunningHost.Start(secrets);
        var api = host.Client();
        Assert.Equal(HttpStatusCode.OK, await MetaAsync(api, OldApp));
        Assert.Equal(HttpStatusCode.Unauthorized, await MetaAsync(api, NewApp));

        // The overlap: the new secrets current, the old ones previous.
        secrets.Write(Secrets(NewApp, OldApp, NewToken, OldToken, New360, Old360));
        await Eventually.Until(async () => await MetaAsync(api, NewApp) == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the new app secret was not accepted");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), await AnswersAsync(api, NewApp, NewToken, New360));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), await AnswersAsync(api, OldApp, OldToken, Old360));
        var scrape = (await api.Get("/metrics")).Body;
        foreach (var secret in new[] { "app_secret", "verify_token", "dialog360_secret" })
        {
            Assert.True(Metrics.Sample(scrape, "waba_webhook_secret_matches_total", $"secret=\"{secret}\"", "generation=\"previous\"") >= 1, secret);
        }

        // The end: the previous secrets removed.
        secrets.Write(Secrets(NewApp, null, NewToken, null, New360, null));
        await Eventually.Until(async () => await MetaAsync(api, OldApp) == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(30), "the old app secret was still accepted");
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), await AnswersAsync(api, OldApp, OldToken, Old360));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), await AnswersAsync(api, NewApp, NewToken, New360));
        Assert.DoesNotContain(host.Logs.Lines, l => new[] { OldApp, NewApp, OldToken, NewToken, Old360, New360 }.Any(s => l.Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PreviousSecretWithoutACurrentOneIsRefusedAndTheLastGoodStays()
    {
        using var secrets = new SecretsFile(Secrets(OldApp, null, OldToken, null, Old360, null));
        await using var host = RunningHost.Start(secrets);
        var api = host.Client();

        secrets.Write(Secrets(null, OldApp, OldToken, null, Old360, null));

        await Eventually.TrueAsync(() => Task.FromResult(host.Logs.Lines.Any(l => l.StartsWith("Error ", StringComparison.Ordinal)
            && l.Contains("[204]", StringComparison.Ordinal) && l.Contains("WabaActors:Webhooks:AppSecretPrevious is set without", StringComparison.Ordinal))),
            "the invalid change was not logged");
        Assert.Equal(HttpStatusCode.OK, await MetaAsync(api, OldApp));
    }

    private static object Secrets(string? app, string? appPrevious, string? token, string? tokenPrevious, string? d360, string? d360Previous) => new
    {
        WabaActors = new
        {
            Webhooks = new Dictionary<string, string?>
            {
                ["AppSecret"] = app,
                ["AppSecretPrevious"] = appPrevious,
                ["VerifyToken"] = token,
                ["VerifyTokenPrevious"] = tokenPrevious,
                ["Dialog360Secret"] = d360,
                ["Dialog360SecretPrevious"] = d360Previous,
            },
        },
    };

    /// <summary>A Meta delivery signed with <paramref name="app"/>, a handshake with <paramref name="token"/>, a 360dialog delivery signed with <paramref name="d360"/>.</summary>
    private static async Task<(HttpStatusCode Meta, HttpStatusCode Handshake, HttpStatusCode Partner)> AnswersAsync(ApiClient api, string app, string token, string d360) =>
        (await MetaAsync(api, app), await HandshakeAsync(api, token), await PartnerAsync(api, d360));

    private static async Task<HttpStatusCode> MetaAsync(ApiClient api, string secret)
    {
        var body = Webhooks.Bytes(Webhooks.Envelope(Ids.Waba(), "account_update", Webhooks.Ban("DISABLE")));
        return (await api.WebhookRaw(body, Webhooks.Sign(body, secret))).Status;
    }

    private static async Task<HttpStatusCode> HandshakeAsync(ApiClient api, string token) =>
        (await api.Get($"{Webhooks.WebhookPath}?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=42")).Status;

    private static async Task<HttpStatusCode> PartnerAsync(ApiClient api, string secret)
    {
        var body = PartnerWebhooks.Bytes(PartnerWebhooks.Event("channel_ready", Ids.Waba(), null));
        return (await api.PartnerWebhookRaw(body, PartnerWebhooks.Sign(body, secret))).Status;
    }
}
