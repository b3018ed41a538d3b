using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using WabaActors.Domain.Rules;
using WabaActors.Host.Api;
using WabaActors.Host.Hosting;
using WabaActors.Host.Operator;
using WabaActors.Host.Reload;
using WabaActors.Host.Security;
using WabaActors.Host.Telemetry;
using WabaActors.Host.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddWabaSecretsFile();
builder.AddWabaSilo();
builder.AddWabaApi();
builder.AddWabaSecurity();
builder.AddWabaOperator();
builder.AddWabaTelemetry();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseKnownCharsetsOnly();
app.UseWabaSecurity();
app.UseMiddleware<DecisionDeadlineMiddleware>();

var options = app.Services.GetRequiredService<IOptions<WabaOptions>>().Value;
try
{
    // The silo's and gateway's ports, checked before anything listens (SiloPortCheck).
    _ = app.Services.GetRequiredService<IOptions<Orleans.Configuration.EndpointOptions>>().Value;
}
catch (OptionsValidationException e) when (e.OptionsType == typeof(Orleans.Configuration.EndpointOptions))
{
    // Logged with the port and the setting to change (event 102): the log is flushed before the host stops
    // like on any unusable option (the exception, non-zero exit).
    foreach (var provider in app.Services.GetServices<ILoggerProvider>())
    {
        provider.Dispose();
    }

    throw;
}

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapHealthEndpoints();
app.MapWabaTelemetry();
app.MapAccountsEndpoints();
app.MapNumbersEndpoints();
app.MapReviewsEndpoints();
app.MapMessagingEndpoints();
app.MapEventsEndpoints();
app.MapTemplateRecipientsEndpoints();
app.MapTemplatesEndpoints();
app.MapWebhookEndpoints();
app.MapAdminEndpoints(options);
app.MapWabaOperator();

app.Lifetime.ApplicationStarted.Register(() => HostLog.Listening(
    app.Logger, string.Join(", ", app.Urls), options.Storage, options.Clock, options.Gateway,
    app.Services.GetRequiredService<IOptions<RulesOptions>>().Value.Profile));
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
