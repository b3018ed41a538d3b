using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>A failed send with error 131047 closes the customer-service window. Runs under both rule profiles.</summary>
public abstract class NumberCloseWindow(ClusterFixture fixture)
{
    [Fact]
    public async Task ClosesOpenWindowGiven131047()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now.AddMinutes(-10)).Ok();

        var window = await account.Number(phones[0]).CloseWindowAsync(account.Scope, customer, fixture.Now).Ok();

        Assert.False(window.Open);
        Assert.Equal(DenialReason.CustomerServiceWindowClosed, (await account.PermitAsync(phones[0], customer, MessageKind.Session)).Reason);
    }

    [Fact]
    public async Task KeepsNewerWindowGivenLateClose()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        var closedAt = fixture.Now.AddMinutes(-5);
        await account.Number(phones[0]).CloseWindowAsync(account.Scope, customer, closedAt).Ok();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        var window = await account.Number(phones[0]).CloseWindowAsync(account.Scope, customer, closedAt).Ok();

        Assert.Equal((true, fixture.Now + fixture.Rules.ServiceWindow), (window.Open, window.ExpiresAt));
    }

    [Fact]
    public async Task KeepsCloseAcrossReactivation()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        var sentAt = fixture.Now.AddMinutes(-10);
        await account.InboundAsync(phones[0], customer, sentAt).Ok();
        await account.Number(phones[0]).CloseWindowAsync(account.Scope, customer, fixture.Now).Ok();
        await fixture.DeactivateAllAsync(account.Number(phones[0]));

        var redelivered = await account.InboundAsync(phones[0], customer, sentAt).Ok();

        Assert.False(redelivered.Open);
    }

    [Fact]
    public async Task RefusesOtherScopeAndCloseInTheFuture()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var number = account.Number(phones[0]);
        var future = fixture.Now + fixture.Rules.FutureTimestampTolerance + TimeSpan.FromMinutes(1);

        await number.CloseWindowAsync(account.Scope with { Tenant = Ids.Tenant() }, Ids.Customer(), fixture.Now).Refused("not_found");
        await number.CloseWindowAsync(account.Scope, Ids.Customer(), future).Refused("timestamp_in_future");
        await number.CloseWindowAsync(account.Scope, "12", fixture.Now).Refused("validation_failed");
    }
}

[Collection(ClusterCollection.Name)]
public sealed class NumberCloseWindowDocument(ClusterFixture fixture) : NumberCloseWindow(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberCloseWindowMeta(MetaClusterFixture fixture) : NumberCloseWindow(fixture);
