using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// A repeated inbound messageId on a number changes nothing, whatever
/// its timestamp, and is answered the window as it stands — also after the number was deactivated.
/// Run under both rule profiles (<see cref="InboundRepeatDocument"/>, <see cref="InboundRepeatMeta"/>).
/// </summary>
public abstract class InboundRepeatTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public async Task ChangesNothingGivenTheSameMessageIdWithALaterTimestamp()
    {
        var (account, number) = await LiveNumberAsync();
        var (customer, id) = (Ids.Customer(), Ids.Message());
        var sentAt = fixture.Now.AddHours(-1);
        var first = await Inbound(account, number, customer, id, sentAt);

        var repeat = await Inbound(account, number, customer, id, fixture.Now);

        Assert.Equal((true, sentAt + Day), (repeat.Open, repeat.ExpiresAt));
        Assert.Equal(first, repeat);
        Assert.Equal(first, await account.Number(number).GetWindowAsync(account.Scope, customer).Ok());
    }

    [Fact]
    public async Task SaysARepeatIsARepeat()
    {
        var (account, number) = await LiveNumberAsync();
        var message = new InboundMessage(Ids.Customer(), Ids.Message(), fixture.Now);

        var first = await account.Number(number).RecordInboundAsync(account.Scope, message);
        var again = await account.Number(number).RecordInboundAsync(account.Scope, message with { Timestamp = fixture.Now.AddMinutes(1) });

        Assert.Equal((true, false), (first.IsSuccess, first.Repeat));
        Assert.Equal((true, true), (again.IsSuccess, again.Repeat));
    }

    [Fact]
    public async Task ExtendsTheWindowGivenAnotherMessageId()
    {
        var (account, number) = await LiveNumberAsync();
        var customer = Ids.Customer();
        await Inbound(account, number, customer, Ids.Message(), fixture.Now.AddHours(-1));

        var later = await Inbound(account, number, customer, Ids.Message(), fixture.Now);

        Assert.Equal(fixture.Now + Day, later.ExpiresAt);
    }

    [Fact]
    public async Task OpensNothingGivenARepeatOfAMessageTooOldToOpenTheWindow()
    {
        var (account, number) = await LiveNumberAsync();
        var (customer, id) = (Ids.Customer(), Ids.Message());
        Assert.False((await Inbound(account, number, customer, id, fixture.Now - Day - TimeSpan.FromHours(1))).Open);

        var repeat = await Inbound(account, number, customer, id, fixture.Now);

        Assert.False(repeat.Open);
        Assert.False((await account.Number(number).GetWindowAsync(account.Scope, customer).Ok()).Open);
    }

    [Fact]
    public async Task ChangesNothingGivenRepeatsAfterTheNumberWasDeactivated()
    {
        var (account, number) = await LiveNumberAsync();
        var (customer, opened, tooOld) = (Ids.Customer(), Ids.Message(), Ids.Message());
        var sentAt = fixture.Now.AddHours(-1);
        var window = await Inbound(account, number, customer, opened, sentAt);
        await Inbound(account, number, customer, tooOld, fixture.Now - Day - TimeSpan.FromHours(2));

        await fixture.DeactivateAllAsync(account.Number(number));

        Assert.Equal(window, await Inbound(account, number, customer, opened, fixture.Now));
        Assert.Equal(window, await Inbound(account, number, customer, tooOld, fixture.Now));
        Assert.Equal(window, await account.Number(number).GetWindowAsync(account.Scope, customer).Ok());
    }

    [Fact]
    public async Task TakesAnIdAfreshGivenAServiceWindowPassedSinceItWasRecorded()
    {
        var (account, number) = await LiveNumberAsync();
        var (customer, id) = (Ids.Customer(), Ids.Message());
        await Inbound(account, number, customer, id, fixture.Now.AddHours(-1));

        await fixture.AdvanceAsync(Day);

        Assert.Equal(fixture.Now + Day, (await Inbound(account, number, customer, id, fixture.Now)).ExpiresAt);
    }

    [Fact]
    public async Task RemembersAnIdReloadedWithItsWindowUntilAServiceWindowAfterThatWindowEnded()
    {
        var (account, number) = await LiveNumberAsync();
        var (customer, opened, tooOld) = (Ids.Customer(), Ids.Message(), Ids.Message());
        await Inbound(account, number, customer, opened, fixture.Now.AddHours(-1));
        await Inbound(account, number, customer, tooOld, fixture.Now - Day - TimeSpan.FromHours(1));
        await fixture.DeactivateAllAsync(account.Number(number));

        await fixture.AdvanceAsync(Day);

        // The window row keeps only the window's end: the id it carries is remembered a window after it
        // (longer than live, never shorter). The id written alone keeps when it came.
        Assert.False((await Inbound(account, number, customer, opened, fixture.Now)).Open);
        Assert.Equal(fixture.Now + Day, (await Inbound(account, number, customer, tooOld, fixture.Now)).ExpiresAt);
    }

    private async Task<(TestAccount Account, string Phone)> LiveNumberAsync()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);
        return (account, phones[0]);
    }

    private static Task<WindowView> Inbound(TestAccount account, string phone, string customer, string id, DateTimeOffset timestamp) =>
        account.Number(phone).RecordInboundAsync(account.Scope, new InboundMessage(customer, id, timestamp)).Ok();
}
