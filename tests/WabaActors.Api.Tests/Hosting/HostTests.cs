using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>docs/api.md "Health, metrics and operator pages", "Simulation": health, OpenAPI, the simulated clock and gateway, unknown routes.</summary>
[Collection(ApiCollection.Name)]
public class HostTests(ApiFixture fixture)
{
    private const string Account = "/v1/tenants/{tenant}/accounts/{waba}";

    /// <summary>Every call of docs/api.md, as (method, path template).</summary>
    public static readonly TheoryData<string, string> Calls = new()
    {
        { "put", Account },
        { "get", Account },
        { "post", Account + "/onboarding/user-account" },
        { "post", Account + "/onboarding/user-account/confirmation" },
        { "post", Account + "/onboarding/business-manager" },
        { "post", Account + "/onboarding/company-profile" },
        { "post", Account + "/numbers" },
        { "post", Account + "/numbers/{phone}/verification-code" },
        { "post", Account + "/numbers/{phone}/verification" },
        { "get", Account + "/numbers/{phone}" },
        { "post", Account + "/reviews/commerce-policy" },
        { "post", Account + "/business-verification" },
        { "put", Account + "/numbers/{phone}/display-name" },
        { "post", Account + "/numbers/{phone}/display-name/review" },
        { "post", Account + "/numbers/{phone}/inbound" },
        { "post", Account + "/numbers/{phone}/permits" },
        { "post", Account + "/numbers/{phone}/permits/batch" },
        { "get", Account + "/numbers/{phone}/windows/{customer}" },
        { "get", Account + "/events" },
        { "get", Account + "/template-recipients" },
        { "get", "/v1/admin/clock" },
        { "post", "/v1/admin/clock/advance" },
        { "get", "/v1/admin/simulator/numbers/{phone}/verification-code" },
        { "get", "/v1/webhooks/whatsapp" },
        { "post", "/v1/webhooks/whatsapp" },
        { "post", "/v1/webhooks/360dialog" },
    };

    private readonly ApiClient _api = fixture.Api;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthAnswers200WithNoBody(string path)
    {
        var reply = await _api.Get(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Body);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task OpenApiDocumentListsEveryCallOfTheContract(string method, string path)
    {
        var document = (await _api.Get("/openapi/v1.json")).Ok();

        var item = document["paths"]?[path];
        Assert.True(item is not null, $"{path} is not in /openapi/v1.json");
        Assert.True(item!.AsObject().ContainsKey(method), $"{method} {path} is not in /openapi/v1.json");
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheErrorCodes()
    {
        var document = (await _api.Get("/openapi/v1.json")).Ok();

        var description = document.Str("info.description")!;
        foreach (var code in new[] { "validation_failed", "not_found", "step_out_of_order", "code_resend_too_soon", "message_id_reused",
            "invalid_signature", "invalid_verify_token", "webhooks_not_configured", "number_addition_restricted",
            "gateway_unavailable", "gateway_error", "gateway_not_simulated" })
        {
            Assert.Contains($"`{code}`", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ClockAnswersNowInUtc()
    {
        var before = DateTimeOffset.UtcNow;

        var now = await _api.Now();

        // The simulated clock starts at the host's start and only ever moves forward from real time.
        Assert.True(now >= before.AddSeconds(-1), $"{now:O} is before {before:O}");
    }

    [Fact]
    public async Task ClockAdvanceMovesNowForwardByTheDuration()
    {
        var before = await _api.Now();

        var reply = await _api.Post("/v1/admin/clock/advance", new { by = "PT1H30M" });

        var now = reply.Ok().Instant("now");
        Assert.InRange(now - before, TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(91));
        Assert.True(await _api.Now() >= now);
    }

    [Fact]
    public async Task ClockAdvanceByZeroIsAllowed()
    {
        var before = await _api.Now();

        var now = (await _api.Post("/v1/admin/clock/advance", new { by = "PT0S" })).Ok().Instant("now");

        Assert.InRange(now - before, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("-PT1H")]
    [InlineData("PT-1H")]
    [InlineData("1 hour")]
    [InlineData("25:00:00")]
    [InlineData("")]
    [InlineData("P99999D")]
    public async Task ClockAdvanceRefusesANegativeOrMalformedDuration(string by)
    {
        var before = await _api.Now();

        (await _api.Post("/v1/admin/clock/advance", new { by })).Invalid("by");

        Assert.InRange(await _api.Now() - before, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ClockAdvanceRefusesAMissingDuration() =>
        (await _api.Post("/v1/admin/clock/advance", new { })).Invalid("by");

    [Fact]
    public async Task ClockAdvanceRefusesANumberForTheDuration() =>
        (await _api.SendRaw(HttpMethod.Post, "/v1/admin/clock/advance", """{ "by": 3600 }""")).Invalid("by");

    [Fact]
    public async Task SimulatorAnswersTheCodeSentToTheNumber()
    {
        var account = await _api.CodeSentAsync();

        var code = await _api.Code(account.Phone);

        Assert.Matches("^[0-9]{6}$", code);
    }

    [Fact]
    public async Task SimulatorAnswers404GivenNoCodeSent() =>
        (await _api.Get($"/v1/admin/simulator/numbers/{Ids.Phone()}/verification-code")).Problem(HttpStatusCode.NotFound, "not_found");

    [Fact]
    public async Task SimulatorAnswers404GivenTheNumberRegistered()
    {
        var account = await _api.LiveAsync();

        (await _api.Get($"/v1/admin/simulator/numbers/{account.Phone}/verification-code")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("+420601234567")]
    [InlineData("42060123456a")]
    [InlineData("0420601234567")]
    public async Task SimulatorRefusesAMalformedPhone(string phone) =>
        (await _api.Get($"/v1/admin/simulator/numbers/{Uri.EscapeDataString(phone)}/verification-code")).Invalid("phone");

    [Fact]
    public async Task UnknownRouteIs404Problem() =>
        (await _api.Get("/v1/nothing-here")).Problem(HttpStatusCode.NotFound, "not_found");

    [Fact]
    public async Task WrongMethodIs405Problem()
    {
        var account = TestAccount.Fresh();

        (await _api.Send(HttpMethod.Delete, account.Path)).Problem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }
}
