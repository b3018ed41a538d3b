using System.Xml;
using WabaActors.Contracts;
using WabaActors.Domain.Common;
using WabaActors.Host.Hosting;

namespace WabaActors.Host.Api;

/// <summary>The simulated clock and gateway; mapped only when configured (never on by default).</summary>
public static class AdminEndpoints
{
    private const string SimulatedCodeSummary = "Read a simulated verification code";

    private const string SimulatedCodeDescription =
        "The pending verification code the simulated gateway sent to this number (WabaActors:Gateway=Simulated). " +
        "With the 360dialog gateway the code went to the phone: 409 gateway_not_simulated. " +
        "See docs/api.md § Simulation.";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app, WabaOptions options)
    {
        var g = app.MapGroup("/v1/admin").WithTags("Admin (simulation)");
        if (options.Clock == ClockKind.Simulated)
        {
            g.MapGet("/clock", (SimulatedClock clock) => TypedResults.Ok(new ClockView(clock.GetUtcNow()))).WithName("GetClock")
                .Produces<ClockView>().CallsNoGrain()
                .Describe("Read the simulated clock", "The service's simulated clock (WabaActors:Clock=Simulated). See docs/api.md § Simulation.");
            g.MapPost("/clock/advance", Advance).WithName("AdvanceClock").Produces<ClockView>().CallsNoGrain()
                .Describe("Advance the simulated clock", "Moves the simulated clock forward by an ISO 8601 duration (`by`, e.g. PT25H); due deadlines then fire. See docs/api.md § Simulation.",
                    ErrorCodes.ValidationFailed);
        }

        if (options.Gateway == GatewayKind.Simulated)
        {
            g.MapGet("/simulator/numbers/{phone}/verification-code", GetCode).WithName("GetSimulatedVerificationCode")
                .Produces<SimulatedCodeView>()
                .Describe(SimulatedCodeSummary, SimulatedCodeDescription, ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.GatewayNotSimulated);
        }
        else
        {
            // The code went to the phone through 360dialog; nobody here knows it. Say so instead of a bare 404.
            g.MapGet("/simulator/numbers/{phone}/verification-code", () => Problems.Of(ErrorCodes.GatewayNotSimulated,
                    $"The simulated gateway is not in use ({WabaOptions.Section}:Gateway={options.Gateway}); the code was sent to the phone."))
                .WithName("GetSimulatedVerificationCode").CallsNoGrain()
                .Describe(SimulatedCodeSummary, SimulatedCodeDescription, ErrorCodes.ValidationFailed, ErrorCodes.NotFound, ErrorCodes.GatewayNotSimulated);
        }

        return app;
    }

    private static IResult Advance(ClockAdvanceBody body, SimulatedClock clock)
    {
        TimeSpan by;
        try
        {
            by = XmlConvert.ToTimeSpan(body.By ?? string.Empty);
        }
        catch (FormatException)
        {
            return Problems.Validation("by", "by must be an ISO 8601 duration such as PT25H.");
        }
        catch (OverflowException)
        {
            return Problems.Validation("by", "by is too large.");
        }

        return by < TimeSpan.Zero || by > TimeSpan.FromDays(3650)
            ? Problems.Validation("by", "by must be between PT0S and 3650 days.")
            : TypedResults.Ok(new ClockView(clock.Advance(by)));
    }

    private static async Task<IResult> GetCode(string phone, IGrainFactory grains)
    {
        if (PathIds.CheckPhone(phone) is { } bad)
        {
            return bad;
        }

        var code = await grains.Reference<INumberGrain>(phone).GetSimulatedCodeAsync();
        return code is null ? Problems.NotFound("A pending verification code") : TypedResults.Ok(new SimulatedCodeView(code));
    }
}
