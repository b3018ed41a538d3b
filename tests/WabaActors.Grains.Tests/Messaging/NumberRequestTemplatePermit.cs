using WabaActors.Contracts.Messaging;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.Messaging;

/// <summary>
/// A template to a customer outside the window counts one unique recipient against the rolling limit
/// (the profile's: 50 under <c>document</c>, 250 under <c>meta</c>). Runs under both rule profiles.
/// </summary>
public abstract class NumberRequestTemplatePermit(ClusterFixture fixture)
{
    [Fact]
    public async Task AllowsAndCountsOneRecipientGivenNoOpenWindow()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);

        var decision = await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template);

        Assert.True(decision.Allowed);
        Assert.Equal((1, fixture.Rules.TemplateRecipientLimit), (decision.TemplateRecipients!.Used, decision.TemplateRecipients.Limit));
        Assert.Null(decision.WindowExpiresAt);
        Assert.Equal(1, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task AllowsWithoutCountingGivenOpenWindow()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var customer = Ids.Customer();
        var window = await account.InboundAsync(phones[0], customer, fixture.Now).Ok();

        var decision = await account.PermitAsync(phones[0], customer, MessageKind.Template);

        Assert.Equal((true, window.ExpiresAt), (decision.Allowed, decision.WindowExpiresAt));
        Assert.Equal(0, (await account.ViewAsync()).Limits.TemplateRecipients.Used);
    }

    [Fact]
    public async Task DeniesUntilOldestRecipientLeavesThePeriodGivenLimitRecipientsCounted()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains, numbers: 2);
        var limit = fixture.Rules.TemplateRecipientLimit;
        var period = fixture.Rules.TemplateRecipientPeriod;
        var firstAt = fixture.Now;
        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).Allowed);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(5));
        var granted = await GrantNewRecipientsAsync(account, phones, limit - 1);
        Assert.All(granted, d => Assert.True(d.Allowed, $"a recipient up to the limit was denied: {d.Reason}"));

        var denied = await account.PermitAsync(phones[1], Ids.Customer(), MessageKind.Template);

        Assert.Equal((false, DenialReason.TemplateRecipientLimitReached), (denied.Allowed, denied.Reason));
        Assert.Equal(firstAt + period, denied.RetryAt);
        var usage = (await account.ViewAsync()).Limits.TemplateRecipients;
        Assert.Equal((limit, limit, firstAt + period), (usage.Used, usage.Limit, usage.NextSlotAt));
    }

    [Fact]
    public async Task AllowsAgainGivenOldestRecipientLeftThePeriod()
    {
        var (account, phones) = await TestAccount.LiveAndApprovedAsync(fixture.Grains);
        var granted = await GrantNewRecipientsAsync(account, phones, fixture.Rules.TemplateRecipientLimit);
        Assert.All(granted, d => Assert.True(d.Allowed, $"a recipient up to the limit was denied: {d.Reason}"));

        Assert.False((await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).Allowed);
        await fixture.AdvanceAsync(fixture.Rules.TemplateRecipientPeriod);

        Assert.True((await account.PermitAsync(phones[0], Ids.Customer(), MessageKind.Template)).Allowed);
    }

    /// <summary>Templates to <paramref name="count"/> new customers, spread over the numbers, asked concurrently (the limit is the profile's, up to 250).</summary>
    private static async Task<PermitDecision[]> GrantNewRecipientsAsync(TestAccount account, string[] phones, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => account.PermitAsync(phones[i % phones.Length], Ids.Customer(), MessageKind.Template)));
}

[Collection(ClusterCollection.Name)]
public sealed class NumberRequestTemplatePermitDocument(ClusterFixture fixture) : NumberRequestTemplatePermit(fixture);

[Collection(MetaClusterCollection.Name)]
public sealed class NumberRequestTemplatePermitMeta(MetaClusterFixture fixture) : NumberRequestTemplatePermit(fixture);
