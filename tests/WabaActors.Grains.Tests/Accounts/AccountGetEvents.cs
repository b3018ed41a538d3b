using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public class AccountGetEvents(ClusterFixture fixture)
{
    [Fact]
    public async Task PagesThroughWholeHistoryGivenCursorPassedAsAfter()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);
        var all = await account.EventsAsync();

        var paged = new List<EventView>();
        long after = 0;
        while (true)
        {
            var page = await account.Grain.GetEventsAsync(account.Tenant, after, 4).Ok();
            if (page.Events.Count == 0)
            {
                Assert.Equal(after.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Cursor);
                break;
            }

            Assert.True(page.Events.Count <= 4);
            Assert.Equal(page.Events[^1].Id, page.Cursor);
            paged.AddRange(page.Events);
            after = long.Parse(page.Cursor!, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(11, all.Count);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task StartsAfterCursorGivenAfterInMiddle()
    {
        var (account, _) = await TestAccount.LiveAsync(fixture.Grains);

        var page = await account.Grain.GetEventsAsync(account.Tenant, 5, 2).Ok();

        Assert.Equal(["6", "7"], page.Events.Select(e => e.Id));
        Assert.Equal(["number_added", "verification_code_sent"], page.Events.Select(e => e.Type));
        Assert.Equal("7", page.Cursor);
    }
}
