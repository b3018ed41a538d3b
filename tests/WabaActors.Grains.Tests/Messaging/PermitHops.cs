using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// How many grains a permit crosses once the number is warm (docs/adr/0002): the number alone for
/// a session message, a template in an open window and a replay; number then quota for a template
/// that starts a conversation. The account is never on the hot path.
/// </summary>
[Collection(ClusterCollection.Name)]
public class PermitHops(ClusterFixture fixture)
{
    [Fact]
    public async Task CrossesOnlyTheNumberGivenSessionTemplateInWindowOrReplay()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        var customer = Ids.Customer();
        await account.InboundAsync(phones[0], customer, fixture.Now).Ok();
        await account.PermitAsync(phones[0], customer, MessageKind.Session);   // warm: the gate is read once

        var replayId = Ids.Message();
        await account.PermitAsync(phones[0], customer, MessageKind.Session, replayId);
        Assert.Equal(One("INumberGrain"), await HopsAsync(() => account.PermitAsync(phones[0], customer, MessageKind.Session)));
        Assert.Equal(One("INumberGrain"), await HopsAsync(() => account.PermitAsync(phones[0], customer, MessageKind.Template)));
        Assert.Equal(One("INumberGrain"), await HopsAsync(() => account.PermitAsync(phones[0], customer, MessageKind.Session, replayId)));
    }

    [Fact]
    public async Task CrossesNumberAndQuotaGivenTemplateOutsideWindow()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);   // warm: gate and quota activated

        var hops = await HopsAsync(() => account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template));

        Assert.Equal(new Dictionary<string, int> { ["INumberGrain"] = 1, ["ITemplateQuotaGrain"] = 1 }, hops);
    }

    [Fact]
    public async Task AsksTheDirectoryOnceGivenClosedWindowDenialsInAScopeWithoutLinks()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Session);   // warm: the directory answers it holds no link

        var denied = await HopsAsync(() => account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Session));

        Assert.Equal(One("INumberGrain"), denied);
    }

    [Fact]
    public async Task AsksTheDirectoryOncePerCustomerGivenAScopeWithLinks()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        await account.Number(phones[0]).LinkAsync(account.Scope, new CustomerLinkRequest(Ids.Customer(), "US.1" + Ids.Customer())).Ok();
        var customer = Ids.Customer();

        var first = await HopsAsync(() => account.PermitAsync(phones[0], customer, MessageKind.Session));
        var again = await HopsAsync(() => account.PermitAsync(phones[0], customer, MessageKind.Session));

        Assert.Equal(new Dictionary<string, int> { ["INumberGrain"] = 1, ["ICustomerDirectoryGrain"] = 1 }, first);
        Assert.Equal(One("INumberGrain"), again);
    }

    private static Dictionary<string, int> One(string grain) => new() { [grain] = 1 };

    private async Task<Dictionary<string, int>> HopsAsync(Func<Task> permit)
    {
        fixture.Calls.Reset();
        await permit();
        return new Dictionary<string, int>(fixture.Calls.Snapshot());
    }
}
