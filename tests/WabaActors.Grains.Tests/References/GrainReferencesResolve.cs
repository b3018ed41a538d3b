using WabaActors.Contracts;
using WabaActors.Grains.Tests.Support;

namespace WabaActors.Grains.Tests.References;

/// <summary>
/// <see cref="GrainReferences.Reference{TGrain}"/> stands in for <c>GetGrain&lt;T&gt;(string)</c> on every
/// hot path, so it must name the very same grain, through the same interface, for each grain kind.
/// </summary>
[Collection(ClusterCollection.Name)]
public class GrainReferencesResolve(ClusterFixture fixture)
{
    [Fact]
    public void ToTheSameGrainAndInterfaceAsGetGrainForEveryStringKeyedGrain()
    {
        var grains = fixture.Grains;
        var phone = Ids.Phone();

        Assert.Equal(Identity(grains.GetGrain<INumberGrain>(phone)), Identity(grains.Reference<INumberGrain>(phone)));
        Assert.Equal(Identity(grains.GetGrain<IAccountGrain>("waba-r")), Identity(grains.Reference<IAccountGrain>("waba-r")));
        Assert.Equal(Identity(grains.GetGrain<ITemplateQuotaGrain>("quota-r")), Identity(grains.Reference<ITemplateQuotaGrain>("quota-r")));
        Assert.Equal(grains.GetGrain<INumberGrain>(phone), grains.Reference<INumberGrain>(phone));
    }

    [Fact]
    public async Task ToAGrainThatAnswersLikeTheOneGetGrainGives()
    {
        var (account, phones) = await TestAccount.LiveAsync(fixture.Grains);

        var viaReference = await fixture.Grains.Reference<INumberGrain>(phones[0]).GetAsync(new(account.Tenant, account.Waba));
        var viaGetGrain = await fixture.Grains.GetGrain<INumberGrain>(phones[0]).GetAsync(new(account.Tenant, account.Waba));

        Assert.True(viaReference.IsSuccess);
        Assert.Equal(viaGetGrain.Value, viaReference.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesABlankKeyAsGetGrainDoes(string key) =>
        Assert.ThrowsAny<ArgumentException>(() => fixture.Grains.Reference<INumberGrain>(key));

    private static (GrainId Id, GrainInterfaceType Interface) Identity(IAddressable grain) =>
        (grain.GetGrainId(), ((GrainReference)grain).InterfaceType);
}
