using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// Step 4: adding numbers, ownership, the number limit — under both rule profiles (<see cref="NumbersDocumentTests"/>,
/// <see cref="NumbersMetaTests"/>; under <c>meta</c> the limit is the portfolio's, and each account here is its
/// portfolio's only member).
/// </summary>
public abstract class NumbersTests(HostFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;
    private readonly RuleProfile _rules = fixture.Profile;

    [Fact]
    public async Task AddNumberIs201CodeSentExpiringIn10Minutes()
    {
        var account = await _api.AtStep4Async();
        var before = await _api.Now();

        var number = (await _api.AddNumber(account, account.Phone)).Created();

        var after = await _api.Now();
        Assert.Equal(account.Phone, number.Str("phone"));
        Assert.Equal("code_sent", number.Str("status"));
        Assert.Equal("sms", number.Str("verification.method"));
        Assert.Equal(5, number.Int("verification.attemptsLeft"));
        Assert.InRange(number.Instant("verification.codeExpiresAt"), before.AddMinutes(10), after.AddMinutes(10));
        Assert.True(number.IsNull("registeredAt"));
        Assert.True(number.IsNull("billingStartedAt"));
        Assert.Equal("none", number.Str("displayName.status"));
        Assert.Empty(number.At("warnings")!.AsArray());
        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal(1, view.Int("limits.numbers.used"));
        Assert.Equal(account.Phone, view.Str("numbers[0].phone"));
        Assert.Equal("code_sent", (await _api.Get(account.Number)).Ok().Str("status"));
    }

    [Fact]
    public async Task AddNumberAcceptsThePhoneWithoutPlus()
    {
        var account = await _api.AtStep4Async();

        var number = (await _api.Post(account.Path + "/numbers", new { phoneNumber = account.Phone, verificationMethod = "sms", inUseInWhatsAppApp = false })).Created();

        Assert.Equal(account.Phone, number.Str("phone"));
    }

    [Fact]
    public async Task VoiceWithoutIvrDisabledWarnsIvrMayBlockVoiceCall()
    {
        var account = await _api.AtStep4Async();

        var number = (await _api.Post(account.Path + "/numbers", new { phoneNumber = account.Phone, verificationMethod = "voice", inUseInWhatsAppApp = false })).Created();

        Assert.Equal("voice", number.Str("verification.method"));
        Assert.Equal("ivr_may_block_voice_call", (string?)Assert.Single(number.At("warnings")!.AsArray()));
    }

    [Fact]
    public async Task VoiceWithIvrDisabledHasNoWarning()
    {
        var account = await _api.AtStep4Async();

        var number = (await _api.Post(account.Path + "/numbers", new
        {
            phoneNumber = account.Phone, verificationMethod = "voice", inUseInWhatsAppApp = false, ivrDisabled = true,
        })).Created();

        Assert.Empty(number.At("warnings")!.AsArray());
    }

    [Fact]
    public async Task NumberInUseInWhatsAppAppIs422()
    {
        var account = await _api.AtStep4Async();
        var before = await _api.Snapshot(account);

        (await _api.Post(account.Path + "/numbers", new { phoneNumber = account.Phone, verificationMethod = "sms", inUseInWhatsAppApp = true }))
            .Problem(HttpStatusCode.UnprocessableEntity, "number_in_use_in_whatsapp_app");

        Assert.Equal(before, await _api.Snapshot(account));
        (await _api.Get($"/v1/admin/simulator/numbers/{account.Phone}/verification-code")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task NumberOfAnotherTenantsAccountIs409NumberAlreadyRegistered()
    {
        var owner = await _api.CodeSentAsync();
        var other = await _api.AtStep4Async();
        var ownerBefore = await _api.Snapshot(owner);
        var otherBefore = await _api.Snapshot(other);
        var code = await _api.Code(owner.Phone);

        (await _api.AddNumber(other, owner.Phone)).Problem(HttpStatusCode.Conflict, "number_already_registered");

        Assert.Equal(ownerBefore, await _api.Snapshot(owner));
        Assert.Equal(otherBefore, await _api.Snapshot(other));
        Assert.Equal(code, await _api.Code(owner.Phone));
    }

    [Fact]
    public async Task RegisteredNumberOfAnotherAccountOfTheSameTenantIs409NumberAlreadyRegistered()
    {
        var owner = await _api.LiveAsync();
        var sibling = await _api.AtStep4Async(TestAccount.Fresh() with { Tenant = owner.Tenant });

        (await _api.AddNumber(sibling, owner.Phone)).Problem(HttpStatusCode.Conflict, "number_already_registered");
    }

    [Fact]
    public async Task ReAddingTheSameNumberAnswers200WithItsViewAndSendsNoCode()
    {
        var account = await _api.CodeSentAsync();
        var before = await _api.Snapshot(account);
        var code = await _api.Code(account.Phone);
        var view = (await _api.Get(account.Number)).Ok();

        var again = (await _api.AddNumber(account, account.Phone)).Ok();

        Assert.Equal(view.Str("status"), again.Str("status"));
        Assert.Equal(view.Instant("verification.codeExpiresAt"), again.Instant("verification.codeExpiresAt"));
        Assert.Equal(before, await _api.Snapshot(account));
        Assert.Equal(code, await _api.Code(account.Phone));
    }

    [Fact]
    public async Task ReAddingARegisteredNumberAnswers200WithItsView()
    {
        var account = await _api.LiveAsync();
        var before = await _api.Snapshot(account);

        var again = (await _api.AddNumber(account, account.Phone)).Ok();

        Assert.Equal("registered", again.Str("status"));
        Assert.Equal(before, await _api.Snapshot(account));
    }

    [Fact]
    public async Task ThirdNumberIs409NumberLimitReached()
    {
        var account = await _api.CodeSentAsync();
        for (var added = 1; added < _rules.NumberLimit; added++)
        {
            (await _api.AddNumber(account, Ids.Phone())).Created();
        }

        var before = await _api.Snapshot(account);
        var third = Ids.Phone();

        (await _api.AddNumber(account, third)).Problem(HttpStatusCode.Conflict, "number_limit_reached");

        Assert.Equal(before, await _api.Snapshot(account));
        var view = (await _api.Get(account.Path)).Ok();
        Assert.Equal((_rules.NumberLimit, _rules.NumberLimit), (view.Int("limits.numbers.used"), view.Int("limits.numbers.max")));
        (await _api.Get(account.NumberOf(third))).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ConcurrentAdditionsThroughTwoWabasOfOnePortfolioNeverPassItsLimitUnderMeta()
    {
        var (tenant, businessManagerId) = (Ids.Tenant(), Ids.BusinessManager());
        var wabas = new[] { await _api.MemberAtStep4Async(tenant, businessManagerId), await _api.MemberAtStep4Async(tenant, businessManagerId) };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = wabas.SelectMany(w => Enumerable.Range(0, _rules.NumberLimit + 1).Select(async _ =>
        {
            await start.Task;
            return (Waba: w, Reply: await _api.AddNumber(w, Ids.Phone()));
        })).ToList();

        start.SetResult();
        var replies = await Task.WhenAll(calls);

        Assert.All(replies.Where(r => r.Reply.Status != HttpStatusCode.Created),
            r => r.Reply.Problem(HttpStatusCode.Conflict, "number_limit_reached"));
        var added = wabas.Select(w => replies.Count(r => r.Waba == w && r.Reply.Status == HttpStatusCode.Created)).ToList();
        if (_rules.PortfolioLimits)
        {
            Assert.Equal(_rules.NumberLimit, added.Sum());
        }
        else
        {
            Assert.Equal([_rules.NumberLimit, _rules.NumberLimit], added);
        }

        for (var i = 0; i < wabas.Length; i++)
        {
            var view = (await _api.Get(wabas[i].Path)).Ok();
            Assert.Equal(added[i], view["numbers"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task BusinessVerificationVerifiedLiftsTheNumberLimitTo20()
    {
        var account = await _api.CodeSentAsync();
        (await _api.AddNumber(account, Ids.Phone())).Created();

        var view = (await _api.Post(account.Path + "/business-verification", new { status = "verified" })).Ok();

        Assert.Equal(_rules.VerifiedNumberLimit, view.Int("limits.numbers.max"));
        (await _api.AddNumber(account, Ids.Phone())).Created();
        Assert.Equal(3, (await _api.Get(account.Path)).Ok().Int("limits.numbers.used"));
    }
}

[Collection(ApiCollection.Name)]
public sealed class NumbersDocumentTests(ApiFixture fixture) : NumbersTests(fixture);

[Collection(MetaApiCollection.Name)]
public sealed class NumbersMetaTests(MetaApiFixture fixture) : NumbersTests(fixture);

/// <summary>
/// Number requests refused before any rule applies (malformed fields or path, a number not on the account):
/// the same under either rule profile, so run on the <c>document</c> host only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NumbersInputTests(ApiFixture fixture)
{
    private readonly ApiClient _api = fixture.Api;

    [Fact]
    public async Task AddNumberNamesEveryInvalidField()
    {
        var account = await _api.AtStep4Async();

        (await _api.Post(account.Path + "/numbers", new { phoneNumber = "0123", verificationMethod = "fax" }))
            .Invalid("phoneNumber");
        (await _api.Post(account.Path + "/numbers", new { phoneNumber = account.Phone, verificationMethod = "fax" }))
            .Invalid("verificationMethod", "inUseInWhatsAppApp");
    }

    [Fact]
    public async Task GetNumberIs404GivenNotOnTheAccount()
    {
        var account = await _api.LiveAsync();
        var other = await _api.LiveAsync();

        (await _api.Get(account.NumberOf(Ids.Phone()))).Problem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get(account.NumberOf(other.Phone))).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("+420601234567")]
    [InlineData("42060123456a")]
    [InlineData("1234567")]
    [InlineData("1234567890123456")]
    [InlineData("0420601234567")]
    public async Task MalformedPhoneInThePathIs400(string phone)
    {
        var account = await _api.LiveAsync();

        (await _api.Get(account.NumberOf(Uri.EscapeDataString(phone)))).Invalid("phone");
    }
}
