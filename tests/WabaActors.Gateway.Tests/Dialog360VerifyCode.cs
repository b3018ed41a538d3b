using WabaActors.Gateway.Tests.Support;
using WabaActors.Grains.Gateway;

namespace WabaActors.Gateway.Tests;

/// <summary>360dialog checks the code: accepted, rejected (a wrong code), or a failure that says nothing about the code.</summary>
public sealed class Dialog360VerifyCode : IAsyncLifetime
{
    private const string Phone = "420777000002";
    private Adapter _adapter = null!;

    private Dialog360Stub Stub => _adapter.Stub;

    public async Task InitializeAsync() => _adapter = await Adapter.StartAsync();

    public async Task DisposeAsync() => await _adapter.DisposeAsync();

    [Fact]
    public async Task RightCodeIsAccepted()
    {
        var result = await _adapter.Gateway.VerifyCodeAsync(Phone, Dialog360Stub.RightCode, IssuedCode.Unknown);

        Assert.Equal(CodeVerdict.Accepted, result.Value);
        Assert.Null(result.Failure);
        Assert.Equal(Dialog360Stub.RightCode, Stub.Bodies.Single()!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongCodeIsRejectedNotAFailure()
    {
        var result = await _adapter.Gateway.VerifyCodeAsync(Phone, "000000", IssuedCode.Unknown);

        Assert.Equal(CodeVerdict.Rejected, result.Value);
        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task ServerErrorIsUnavailableAndTheCodeIsNotSentTwice()
    {
        Stub.Next(Phone, StubOperation.VerifyCode, StubReply.ServerError(503));

        var result = await _adapter.Gateway.VerifyCodeAsync(Phone, Dialog360Stub.RightCode, IssuedCode.Unknown);

        Assert.Equal(GatewayFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal(1, Stub.Count(Phone, StubOperation.VerifyCode));
    }

    [Fact]
    public async Task TimeoutIsUnavailableAndTheCodeIsNotSentTwice()
    {
        Stub.Next(Phone, StubOperation.VerifyCode, StubReply.Hang, StubReply.Hang);

        var result = await _adapter.Gateway.VerifyCodeAsync(Phone, Dialog360Stub.RightCode, IssuedCode.Unknown);

        Assert.Equal(GatewayFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal(1, Stub.Count(Phone, StubOperation.VerifyCode));
    }

    [Fact]
    public async Task BadJsonIsAGatewayErrorNotAVerdict()
    {
        Stub.Next(Phone, StubOperation.VerifyCode, StubReply.BadJson);

        var result = await _adapter.Gateway.VerifyCodeAsync(Phone, Dialog360Stub.RightCode, IssuedCode.Unknown);

        Assert.Equal(GatewayFailureKind.Error, result.Failure!.Kind);
    }

    [Fact]
    public async Task ALaterCallSucceedsAfterAFailure()
    {
        Stub.Next(Phone, StubOperation.VerifyCode, StubReply.TooManyRequests(5));

        var failed = await _adapter.Gateway.VerifyCodeAsync(Phone, Dialog360Stub.RightCode, IssuedCode.Unknown);
        var later = await _adapter.Gateway.VerifyCodeAsync(Phone, Dialog360Stub.RightCode, IssuedCode.Unknown);

        Assert.NotNull(failed.Failure);
        Assert.Equal(CodeVerdict.Accepted, later.Value);
    }

    [Fact]
    public async Task RegisterConfirmsOrFails()
    {
        Assert.True((await _adapter.Gateway.RegisterAsync(Phone)).IsSuccess);

        Stub.Next(Phone, StubOperation.Register, StubReply.ServerError(500));
        var failed = await _adapter.Gateway.RegisterAsync(Phone);

        Assert.Equal(GatewayFailureKind.Unavailable, failed.Failure!.Kind);
        Assert.Equal(2, Stub.Count(Phone, StubOperation.Register));
    }
}
