using WabaActors.Domain.Messaging;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>The digest is stored (waba_window.inbound_digest, waba_inbound_id.digest): its function must never change.</summary>
public class InboundLedgerDigest
{
    [Fact]
    [Trait("Rule", "inbound-message-id")]
    public void IsTheStoredFormatsValueGivenAKnownId()
    {
        // Pinned: a different value means every stored id is forgotten at the upgrade (ADR 0017).
        Assert.Equal(DigestOfKnownId, InboundLedger.Digest(Message("wamid.HBgLNDIwNzc3MDAwMTExFQIAEhggM0VCMDQ0QjA1RjE1")));
    }

    [Fact]
    [Trait("Rule", "inbound-message-id")]
    public void IsPositiveAndDistinctGivenManyIds()
    {
        var digests = Enumerable.Range(0, 100_000).Select(i => InboundLedger.Digest(Message($"wamid.{i}"))).ToList();

        Assert.All(digests, d => Assert.True(d > 0));
        Assert.Equal(digests.Count, digests.Distinct().Count());
    }

    private const long DigestOfKnownId = 4268126076017360434;
}
