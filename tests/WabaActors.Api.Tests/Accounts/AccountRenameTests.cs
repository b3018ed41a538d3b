using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/api.md <c>PUT …</c>: a repeated <c>PUT</c> with a new name renames the account (200 with the new view,
/// history <c>account_renamed</c>); the same name or none changes nothing. No rule decides it, so run on the
/// <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccountRenameTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task PutWithANewNameAnswers200WithTheNewNameAndRecordsTheRename()
    {
        var account = TestAccount.Fresh();
        (await _api.Put(account.Path, new { name = "Acme" })).Created();

        var renamed = (await _api.Put(account.Path, new { name = "  Acme Garden " })).Ok();

        Assert.Equal("Acme Garden", renamed.Str("name"));
        Assert.Equal("Acme Garden", (await _api.Get(account.Path)).Ok().Str("name"));
        var e = (await _api.Events(account))[^1];
        Assert.Equal("account_renamed", e.Str("type"));
        Assert.Equal("Acme Garden", e.Str("value"));
    }

    [Fact]
    public async Task PutWithTheSameNameOrNoneChangesNothing()
    {
        var account = TestAccount.Fresh();
        var created = (await _api.Put(account.Path, new { name = "Acme" })).Created();

        var same = (await _api.Put(account.Path, new { name = "Acme" })).Ok();
        var none = (await _api.Put(account.Path, new { })).Ok();

        Assert.Equal(created.ToJsonString(), same.ToJsonString());
        Assert.Equal(created.ToJsonString(), none.ToJsonString());
        Assert.Equal(["account_created"], await _api.EventTypes(account));
    }

    [Fact]
    public async Task PutRenamesALiveAccountKeepingItsStatus()
    {
        var account = await _api.LiveAsync();
        var before = (await _api.Get(account.Path)).Ok();

        var renamed = (await _api.Put(account.Path, new { name = "Acme s.r.o." })).Ok();

        Assert.Equal("Acme s.r.o.", renamed.Str("name"));
        Assert.Equal(before.Str("status"), renamed.Str("status"));
        Assert.Equal("account_renamed", (await _api.EventTypes(account))[^1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Acme\u0007")]
    public async Task PutRefusesARenameCreationWouldRefuseAndKeepsTheName(string name)
    {
        var account = TestAccount.Fresh();
        (await _api.Put(account.Path, new { name = "Acme" })).Created();

        (await _api.Put(account.Path, new { name })).Invalid("name");

        Assert.Equal("Acme", (await _api.Get(account.Path)).Ok().Str("name"));
        Assert.Equal(["account_created"], await _api.EventTypes(account));
    }
}
