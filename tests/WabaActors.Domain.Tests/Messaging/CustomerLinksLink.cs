using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using static WabaActors.Domain.Tests.MessagingSupport.Clock;

namespace WabaActors.Domain.Tests.Messaging;

public class CustomerLinksLink
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(48);
    private static readonly CustomerIdentity Phone = Id("420601234567");
    private static readonly CustomerIdentity Bsuid = Id("US.13491208655302741918");
    private static readonly CustomerIdentity Parent = Id("US.ENT.11815799212886844830");
    private static readonly CustomerIdentity NewBsuid = Id("US.99991208655302741918");

    [Fact]
    public void AnswersEachIdAsTheOthersAliasGivenALink()
    {
        var links = new CustomerLinks(Retention);

        var link = links.Link(Phone, Bsuid, Start);

        Assert.Equal(new CustomerLink(Phone, Bsuid, Start.UtcTicks), link);
        Assert.Equal([Bsuid], links.Aliases(Phone, Start));
        Assert.Equal([Phone], links.Aliases(Bsuid, Start));
    }

    [Fact]
    public void AnswersEveryIdOfThePersonGivenAChainOfLinks()
    {
        var links = new CustomerLinks(Retention);
        links.Link(Phone, Bsuid, Start);
        links.Link(Bsuid, Parent, Start);
        links.Link(Bsuid, NewBsuid, Start);

        Assert.Equal([Bsuid, Parent, NewBsuid], links.Aliases(Phone, Start));
        Assert.Equal([Bsuid, Phone, Parent], links.Aliases(NewBsuid, Start));
    }

    [Fact]
    public void WritesNothingGivenAKnownLinkTaughtAgainWithinHalfTheRetention()
    {
        var links = new CustomerLinks(Retention);
        links.Link(Phone, Bsuid, Start);

        Assert.Null(links.Link(Bsuid, Phone, Start + TimeSpan.FromHours(23)));
        Assert.NotNull(links.Link(Bsuid, Phone, Start + TimeSpan.FromHours(24)));
    }

    [Fact]
    public void ForgetsALinkOneRetentionAfterItWasLastTaught()
    {
        var links = new CustomerLinks(Retention);
        links.Link(Phone, Bsuid, Start);
        links.Link(Phone, Bsuid, Start + TimeSpan.FromHours(30));

        Assert.Equal([Bsuid], links.Aliases(Phone, Start + TimeSpan.FromHours(77)));
        Assert.Empty(links.Aliases(Phone, Start + TimeSpan.FromHours(78)));
        Assert.Equal(0, links.Count);
    }

    [Fact]
    public void IgnoresALinkOfAnIdToItself()
    {
        var links = new CustomerLinks(Retention);

        Assert.Null(links.Link(Bsuid, Id("US.13491208655302741918"), Start));
        Assert.Empty(links.Aliases(Bsuid, Start));
    }

    [Fact]
    public void ResolvesAtMostMaxIdsGivenAPersonLinkedToMany()
    {
        var links = new CustomerLinks(Retention);
        for (var i = 0; i < 20; i++)
        {
            links.Link(Phone, Id($"US.{1000 + i}"), Start);
        }

        Assert.Equal(CustomerLinks.MaxIds - 1, links.Aliases(Phone, Start).Length);
    }

    private static CustomerIdentity Id(string text) => CustomerIdentity.Parse(text).Value;
}
