using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Numbers;

namespace WabaActors.Durability.Tests.Support;

/// <summary>An account driven through the grains as the HTTP API drives them. The grain factory is passed per call: a restarted cluster has a new client.</summary>
public sealed record GrainAccount(string Tenant, string Waba)
{
    public Scope Scope => new(Tenant, Waba);

    public string QuotaKey => "account:" + Waba;

    /// <summary>The Business Manager id step 2 names: the account's own (the first tenant to name one claims it, ADR 0018).</summary>
    public string BusinessManagerId { get; init; } = Ids.BusinessManager();

    public IAccountGrain Grain(IGrainFactory grains) => grains.GetGrain<IAccountGrain>(Waba);

    public static INumberGrain Number(IGrainFactory grains, string phone) => grains.GetGrain<INumberGrain>(phone);

    /// <summary>A live account (steps 1–4 done) with <paramref name="phones"/> registered.</summary>
    public static Task<GrainAccount> LiveAsync(IGrainFactory grains, params string[] phones) =>
        LiveAsync(grains, Fresh(), phones);

    public static GrainAccount Fresh() => new("tenant-" + Ids.Short(), "waba-" + Ids.Short());

    /// <summary><paramref name="account"/> (not yet created) taken live with <paramref name="phones"/> registered.</summary>
    public static async Task<GrainAccount> LiveAsync(IGrainFactory grains, GrainAccount account, params string[] phones)
    {
        var grain = account.Grain(grains);
        (await grain.CreateAsync(account.Tenant, "Acme")).Ok();
        (await grain.SubmitEmailAsync(account.Tenant, "ops@acme.example")).Ok();
        (await grain.ConfirmEmailAsync(account.Tenant)).Ok();
        (await grain.SubmitBusinessManagerAsync(account.Tenant, new BusinessManagerRequest(account.BusinessManagerId, true, "Acme s.r.o.", "https://acme.example"))).Ok();
        (await grain.SubmitCompanyProfileAsync(account.Tenant, new CompanyProfileRequest("Acme s.r.o.", "shopping_retail", "We sell things."))).Ok();
        foreach (var phone in phones)
        {
            (await grain.AddNumberAsync(account.Tenant, new AddNumberRequest(phone, "sms", false, null))).Ok();
            var code = await Number(grains, phone).GetSimulatedCodeAsync();
            Assert.NotNull(code);
            Assert.Equal("registered", (await Number(grains, phone).VerifyAsync(account.Scope, code)).Ok().Status);
        }

        Assert.Equal("live", (await grain.GetAsync(account.Tenant)).Ok().Status);
        return account;
    }

    public async Task<AccountView> ViewAsync(IGrainFactory grains) => (await Grain(grains).GetAsync(Tenant)).Ok();

    public async Task<IReadOnlyList<EventView>> EventsAsync(IGrainFactory grains) => (await Grain(grains).GetEventsAsync(Tenant, 0, 1000)).Ok().Events;

    public async Task<WindowView> InboundAsync(IGrainFactory grains, string phone, string customer, string messageId, DateTimeOffset timestamp) =>
        (await Number(grains, phone).RecordInboundAsync(Scope, new InboundMessage(customer, messageId, timestamp))).Ok();

    public async Task<WindowView> WindowAsync(IGrainFactory grains, string phone, string customer) =>
        (await Number(grains, phone).GetWindowAsync(Scope, customer)).Ok();

    public async Task<PermitDecision> PermitAsync(IGrainFactory grains, string phone, string customer, MessageKind type, string messageId) =>
        (await Number(grains, phone).RequestPermitAsync(Scope, new PermitRequest(customer, type, messageId))).Ok();
}

/// <summary>Instants as PostgreSQL keeps them (microseconds): what "the same to the microsecond" compares.</summary>
public static class Micro
{
    public static DateTimeOffset? Truncate(DateTimeOffset? value) =>
        value is { } v ? new DateTimeOffset(v.UtcTicks - v.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero) : null;
}
