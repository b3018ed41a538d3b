using System.Globalization;
using WabaActors.Contracts;
using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// The quota grain answers a number with a typed outcome, never a reason string to compare: counted,
/// already counted, replayed (the same message id again, from any number of the scope), reused (the id
/// for another customer), limit reached with the instant a slot frees. Runs under both rule profiles.
/// </summary>
public abstract class TemplateQuotaAnswers(ClusterFixture fixture)
{
    [Fact]
    public async Task AnswersEachOutcomeTyped()
    {
        var quota = fixture.Grains.GetGrain<ITemplateQuotaGrain>("account:" + Ids.Waba());
        var (alice, bob, carol) = (Customer(), Customer(), Customer());
        var first = new TemplateGrantRequest(Ids.Phone(), alice, Ids.Message());

        var counted = await quota.GrantAsync(first, limit: 2);
        var replayed = await quota.GrantAsync(first with { Phone = Ids.Phone() }, limit: 2);
        var reused = await quota.GrantAsync(first with { Customer = bob }, limit: 2);
        var again = await quota.GrantAsync(first with { MessageId = Ids.Message() }, limit: 2);
        var second = await quota.GrantAsync(new TemplateGrantRequest(first.Phone, bob, Ids.Message()), limit: 2);
        var full = await quota.GrantAsync(new TemplateGrantRequest(first.Phone, carol, Ids.Message()), limit: 2);

        Assert.Equal(new TemplateGrant(TemplateGrantOutcome.Counted, 1, 2, null), counted);
        Assert.Equal(new TemplateGrant(TemplateGrantOutcome.Replayed, 1, 2, null), replayed);
        Assert.Equal(TemplateGrantOutcome.MessageIdReused, reused.Outcome);
        Assert.Equal(new TemplateGrant(TemplateGrantOutcome.AlreadyCounted, 1, 2, null), again);
        var slotFrees = fixture.Now + fixture.Rules.TemplateRecipientPeriod;
        Assert.Equal(new TemplateGrant(TemplateGrantOutcome.Counted, 2, 2, slotFrees), second);   // the last slot: full from now on
        Assert.Equal(new TemplateGrant(TemplateGrantOutcome.LimitReached, 2, 2, slotFrees), full);
    }

    private static long Customer() => long.Parse(Ids.Customer(), CultureInfo.InvariantCulture);
}

[Collection(ClusterCollection.Name)]
public sealed class TemplateQuotaAnswersDocument(ClusterFixture fixture) : TemplateQuotaAnswers(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class TemplateQuotaAnswersMeta(MetaClusterFixture fixture) : TemplateQuotaAnswers(fixture);
