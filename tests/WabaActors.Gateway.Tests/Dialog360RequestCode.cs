using WabaActors.Domain.Numbers;
using WabaActors.Gateway.Tests.Support;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Tests;

/// <summary>Asking 360dialog for a code: a write, so never retried; every failure is a GatewayFailure, never an exception.</summary>
public sealed class Dialog360RequestCode : IAsyncLifetime
{
    private const string Phone = "420777000001";
    private Adapter _adapter = null!;

    private Dialog360Stub Stub => _adapter.Stub;

    public async Task InitializeAsync() => _adapter = await Adapter.StartAsync();

    public async Task DisposeAsync() => await _adapter.DisposeAsync();

    [Theory]
    [InlineData(VerificationMethod.Sms, "SMS")]
    [InlineData(VerificationMethod.Voice, "VOICE")]
    public async Task SendsTheMethodWithThePartnerKeyAndKnowsNoCode(VerificationMethod method, string codeMethod)
    {
        var result = await _adapter.Gateway.RequestCodeAsync(Phone, method, 6);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value!.Code);
        Assert.Equal(codeMethod, Stub.Bodies.Single()!["code_method"]!.GetValue<string>());
        Assert.Equal("en", Stub.Bodies.Single()!["language"]!.GetValue<string>());
        Assert.Equal(0, Stub.Unauthenticated);
    }

    [Fact]
    public async Task TimeoutIsUnavailableAfterOneAttempt()
    {
        Stub.Next(Phone, StubOperation.RequestCode, StubReply.Hang, StubReply.Hang, StubReply.Hang);

        var result = await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Contains("in time", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Stub.Count(Phone, StubOperation.RequestCode));
    }

    [Fact]
    public async Task TooManyRequestsIsUnavailableWithItsRetryAfterAndNotRetried()
    {
        Stub.Next(Phone, StubOperation.RequestCode, StubReply.TooManyRequests(42));

        var result = await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(42), result.Failure.RetryAfter);
        Assert.Equal(1, Stub.Count(Phone, StubOperation.RequestCode));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerErrorIsUnavailableAndNotRetried(int status)
    {
        Stub.Next(Phone, StubOperation.RequestCode, StubReply.ServerError(status));

        var result = await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Stub.Count(Phone, StubOperation.RequestCode));
    }

    [Fact]
    public async Task BadJsonIsAGatewayError()
    {
        Stub.Next(Phone, StubOperation.RequestCode, StubReply.BadJson);

        var result = await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Error, result.Failure!.Kind);
        Assert.Contains("could not be read", result.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnconfirmedReplyIsAGatewayError()
    {
        Stub.Next(Phone, StubOperation.RequestCode, StubReply.Json(200, """{"success":false}"""));

        var result = await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Error, result.Failure!.Kind);
    }

    [Fact]
    public async Task RefusedPartnerKeyIsAGatewayErrorNamingTheKeyNotItsValue()
    {
        Stub.Next(Phone, StubOperation.RequestCode, StubReply.Json(401, """{"detail":"Invalid API key"}"""));

        var result = await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Error, result.Failure!.Kind);
        Assert.Contains("partner key", result.Failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Dialog360Stub.PartnerKey, result.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableProviderIsUnavailable()
    {
        await Stub.DisposeAsync();

        var result = await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);

        Assert.Equal(GatewayFailureKind.Unavailable, result.Failure!.Kind);
    }

    [Fact]
    public async Task NeitherThePartnerKeyNorThePhoneIsLogged()
    {
        Stub.Next(Phone, StubOperation.RequestCode, StubReply.ServerError(500), StubReply.BadJson, StubReply.Hang);
        for (var i = 0; i < 4; i++)
        {
            await _adapter.Gateway.RequestCodeAsync(Phone, VerificationMethod.Sms, 6);
        }

        Assert.Contains(_adapter.Logs.All, l => l.Contains("request_code", StringComparison.Ordinal));
        Assert.All(_adapter.Logs.All, l =>
        {
            Assert.DoesNotContain(Dialog360Stub.PartnerKey, l, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, l, StringComparison.Ordinal);
        });
    }
}
