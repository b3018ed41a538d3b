using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Numbers;

namespace WabaActors.Grains.Tests.Support;

/// <summary>An account of a fresh tenant and WABA id, driven through the grains as the HTTP API drives them.</summary>
public sealed record TestAccount(IGrainFactory Grains, string Tenant, string Waba)
{
    public IAccountGrain Grain => Grains.GetGrain<IAccountGrain>(Waba);

    public Scope Scope => new(Tenant, Waba);

    /// <summary>The Business Manager id step 2 names: the account's own portfolio unless a test sets a shared one.</summary>
    public string BusinessManagerId { get; init; } = Ids.BusinessManager();

    public INumberGrain Number(string phone) => Grains.GetGrain<INumberGrain>(phone);

    public static TestAccount Fresh(IGrainFactory grains, string? tenant = null) => new(grains, tenant ?? Ids.Tenant(), Ids.Waba());

    /// <summary>A new account with steps 1–3 done: numbers may be added.</summary>
    public static async Task<TestAccount> OnboardedAsync(IGrainFactory grains, string? tenant = null)
    {
        var account = Fresh(grains, tenant);
        await account.Grain.CreateAsync(account.Tenant, "Acme").Ok();
        await account.CompleteStepsAsync();
        return account;
    }

    /// <summary>A live account with <paramref name="numbers"/> registered numbers.</summary>
    public static async Task<(TestAccount Account, string[] Phones)> LiveAsync(IGrainFactory grains, int numbers = 1, string? tenant = null)
    {
        var account = await OnboardedAsync(grains, tenant);
        var phones = new string[numbers];
        for (var i = 0; i < numbers; i++)
        {
            phones[i] = Ids.Phone();
            await account.AddNumberAsync(phones[i]).Ok();
            await account.RegisterAsync(phones[i]);
        }

        return (account, phones);
    }

    /// <summary>
    /// A live account with <paramref name="numbers"/> registered numbers and its commerce-policy review
    /// approved: it may send under every rule profile (the <c>meta</c> profile denies every send
    /// <c>account_under_review</c> while the review is pending). For tests whose subject is not the review.
    /// </summary>
    public static async Task<(TestAccount Account, string[] Phones)> LiveAndApprovedAsync(IGrainFactory grains, int numbers = 1, string? tenant = null)
    {
        var (account, phones) = await LiveAsync(grains, numbers, tenant);
        await account.ApproveCommerceReviewAsync();
        return (account, phones);
    }

    /// <summary>An operator approves the commerce-policy review (the account must be live).</summary>
    public Task<AccountView> ApproveCommerceReviewAsync() =>
        Grain.DecideCommerceReviewAsync(Tenant, new ReviewDecisionRequest("approved", null)).Ok();

    public async Task CompleteStepsAsync()
    {
        await Grain.SubmitEmailAsync(Tenant, "ops@acme.example").Ok();
        await Grain.ConfirmEmailAsync(Tenant).Ok();
        await Grain.SubmitBusinessManagerAsync(Tenant, new BusinessManagerRequest(BusinessManagerId, true, "Acme s.r.o.", "https://acme.example")).Ok();
        await Grain.SubmitCompanyProfileAsync(Tenant, new CompanyProfileRequest("Acme s.r.o.", "shopping_retail", "We sell things.")).Ok();
    }

    public ValueTask<Reply<NumberView>> AddNumberAsync(string phone, string method = "sms", bool? ivrDisabled = null) =>
        Grain.AddNumberAsync(Tenant, new AddNumberRequest(phone, method, false, ivrDisabled));

    /// <summary>Reads the code the simulated gateway sent and verifies the number with it.</summary>
    public async Task<NumberView> RegisterAsync(string phone)
    {
        var code = await Number(phone).GetSimulatedCodeAsync();
        Assert.NotNull(code);
        return await Number(phone).VerifyAsync(Scope, code).Ok();
    }

    public Task<AccountView> ViewAsync() => Grain.GetAsync(Tenant).Ok();

    /// <summary>The whole history, oldest first.</summary>
    public async Task<IReadOnlyList<EventView>> EventsAsync() => (await Grain.GetEventsAsync(Tenant, 0, 1000).Ok()).Events;

    public ValueTask<Reply<WindowView>> InboundAsync(string phone, string customer, DateTimeOffset timestamp) =>
        Number(phone).RecordInboundAsync(Scope, new InboundMessage(customer, Ids.Message(), timestamp));

    public Task<PermitDecision> PermitAsync(string phone, string customer, MessageKind type, string? messageId = null) =>
        Number(phone).RequestPermitAsync(Scope, new PermitRequest(customer, type, messageId ?? Ids.Message())).Ok();
}
