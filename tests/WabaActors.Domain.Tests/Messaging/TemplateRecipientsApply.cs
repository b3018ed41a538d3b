using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Tests.MessagingSupport;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

public class TemplateRecipientsApply
{
    private const string Rule = "template-recipients-rolling-24h";

    [Fact]
    [Trait("Rule", Rule)]
    public void ThrowsGivenChangeOlderThanTheLastApplied()
    {
        var recipients = Recipients.New();
        recipients.Apply(new RecipientCounted(new CustomerId(Alice.Value), Start.UtcTicks));

        Assert.Throws<ArgumentException>(() => recipients.Apply(new RecipientCounted(new CustomerId(Bob.Value), Start.UtcTicks - 1)));
    }

    [Fact]
    [Trait("Rule", Rule)]
    public void KeepsRecountedRecipientGivenBothCountsReplayed()
    {
        var recounted = Start + Day + TimeSpan.FromHours(1);
        var recipients = Recipients.New();

        // The persisted log still holds the expired first count when the second is replayed.
        recipients.Apply(new RecipientCounted(new CustomerId(Alice.Value), Start.UtcTicks));
        recipients.Apply(new RecipientCounted(new CustomerId(Alice.Value), recounted.UtcTicks));

        Assert.True(recipients.IsCounted(Alice, recounted));
        Assert.Equal(new RecipientUsage(1, 1, recounted + Day), recipients.Usage(1, recounted));
        Assert.Equal(CountOutcome.AlreadyCounted, recipients.TryCount(Alice, 1, recounted).Outcome);
    }
}
