using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Pricing;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Templates;
using WabaActors.Domain.Tests.MessagingSupport;
using WabaActors.Domain.Verdicts;
using static WabaActors.Domain.Tests.MessagingSupport.Customers;

namespace WabaActors.Domain.Tests.Messaging;

/// <summary>
/// Issue 18's rules as a number decides them, under both profiles: the template registry, the price of
/// every allowed decision, Meta's verdicts, and the send rates (on under Meta's profile only).
/// </summary>
public class NumberPermitsSendRules18
{
    private static readonly DateTimeOffset September = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset October = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TemplateName Sale = new("spring_sale", "en");
    private static readonly TemplateName Receipt = new("order_receipt", "en");

    public static TheoryData<bool> Profiles => new() { false, true };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void DeniesTemplatePausedBeforeAskingTheQuotaGivenAPausedTemplate(bool meta)
    {
        var number = new Number(meta, October);
        number.Put(Sale, TemplateCategory.Marketing, TemplateStatus.Paused, October + TimeSpan.FromHours(3));

        var answer = number.Request(Template("wamid.1", Alice, Sale));

        Decisions.Denied(answer, DenyReason.TemplatePaused, October + TimeSpan.FromHours(3));
        Assert.False(answer.AskedQuota);
        Assert.Equal(0, number.Quota.Usage(number.Limit, number.Now).Used);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void DeniesTemplateUnknownGivenTheRegistryRequiredAndTheTemplateNotInIt(bool meta)
    {
        var number = new Number(meta, October, rules => rules with { RequireKnownTemplates = true });
        number.Put(Sale, TemplateCategory.Marketing, TemplateStatus.Approved);

        Decisions.Denied(number.Request(Template("wamid.1", Alice, Receipt)), DenyReason.TemplateUnknown);
        Decisions.Allowed(number.Request(Template("wamid.2", Alice, Sale)));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void PricesASessionMessageFreeInTheWindowBeforeOctober2026AndFromTheAllowanceAfter(bool meta)
    {
        var before = new Number(meta, September);
        before.Inbound(Alice);
        var after = new Number(meta, October);
        after.Inbound(Alice);

        var septemberPrice = before.Request(new PermitAsk(Message("wamid.1"), Alice, MessageType.Session)).Decision.Price;
        var octoberPrice = after.Request(new PermitAsk(Message("wamid.1"), Alice, MessageType.Session)).Decision.Price;

        Assert.Equal(new Price(PricingCategory.Service, FreeReason.CustomerServiceWindow), septemberPrice);
        Assert.Equal(new Price(PricingCategory.Service, FreeReason.MonthlyAllowance), octoberPrice);
        Assert.Equal((0, 1), (before.Permits.Allowance.Used, after.Permits.Allowance.Used));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void FreesAUtilityTemplateInsideTheWindowBeforeOctober2026AndBillsItAfter(bool meta)
    {
        var before = new Number(meta, September);
        before.Inbound(Alice);
        var after = new Number(meta, October);
        after.Inbound(Alice);

        var ask = Template("wamid.1", Alice, null) with { Category = TemplateCategory.Utility };

        Assert.Equal(new Price(PricingCategory.Utility, FreeReason.CustomerServiceWindow), before.Request(ask).Decision.Price);
        Assert.Equal(new Price(PricingCategory.Utility, FreeReason.None), after.Request(ask).Decision.Price);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void PricesTheRegistrysCategoryGivenTheRequestSaysAnother(bool meta)
    {
        var number = new Number(meta, September);
        number.Put(Sale, TemplateCategory.Marketing, TemplateStatus.Approved);
        number.Inbound(Alice);

        var inWindow = number.Request(Template("wamid.1", Alice, Sale) with { Category = TemplateCategory.Utility });
        var throughQuota = number.Request(Template("wamid.2", Bob, Sale) with { Category = TemplateCategory.Utility });
        var unregistered = number.Request(Template("wamid.3", Alice, Receipt) with { Category = TemplateCategory.Utility });

        Assert.Equal(new Price(PricingCategory.Marketing, FreeReason.None), inWindow.Decision.Price);
        Assert.True(throughQuota.AskedQuota);
        Assert.Equal(new Price(PricingCategory.Marketing, FreeReason.None), throughQuota.Decision.Price);
        Assert.Equal(new Price(PricingCategory.Utility, FreeReason.CustomerServiceWindow), unregistered.Decision.Price);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AnswersTheOriginalPriceGivenAReplayAfterThePricesChanged(bool meta)
    {
        var number = new Number(meta, October - TimeSpan.FromSeconds(1));
        number.Inbound(Alice);
        var ask = new PermitAsk(Message("wamid.1"), Alice, MessageType.Session);
        var original = number.Request(ask);
        number.Now = October + TimeSpan.FromSeconds(1);

        var replay = number.Request(ask);

        Assert.True(replay.IsReplay);
        Assert.Equal(new Price(PricingCategory.Service, FreeReason.CustomerServiceWindow), original.Decision.Price);
        Assert.Equal(original.Decision.Price, replay.Decision.Price);
        Assert.Equal(0, number.Permits.Allowance.Used);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void DeniesThe46thMessageToOneCustomerWithinASecondOnlyUnderMetasProfile(bool meta)
    {
        var number = new Number(meta, October);
        number.Inbound(Alice);
        for (var i = 0; i < 45; i++)
        {
            Decisions.Allowed(number.Request(new PermitAsk(Message($"wamid.{i}"), Alice, MessageType.Session)));
            number.Now += TimeSpan.FromMilliseconds(20);
        }

        var last = number.Request(new PermitAsk(Message("wamid.45"), Alice, MessageType.Session));

        if (meta)
        {
            Decisions.Denied(last, DenyReason.PairRateLimit, October + TimeSpan.FromSeconds(6));
        }
        else
        {
            Decisions.Allowed(last);
        }

        Assert.Equal(meta, number.Permits.Pacing is not null);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void CountsThePairRateOfThePersonGivenItsPhoneThenItsBsuid(bool meta)
    {
        var number = new Number(meta, October);
        number.Permits.Links.Link(Alice, AliceBsuid, October);
        number.Inbound(Alice);
        for (var i = 0; i < 45; i++)
        {
            Decisions.Allowed(number.Request(new PermitAsk(Message($"wamid.{i}"), Alice, MessageType.Session)));
        }

        var last = number.Request(new PermitAsk(Message("wamid.45"), AliceBsuid, MessageType.Session));

        Assert.Equal(meta ? DenyReason.PairRateLimit : DenyReason.None, last.Decision.Reason);
    }

    [Fact]
    public void AllowsThe81stMessageInASecondUnderMetasProfileOnlyGivenTheNumberUpgraded()
    {
        foreach (var upgraded in new[] { false, true })
        {
            var number = new Number(true, October) { Upgraded = upgraded };
            for (var i = 0; i < 81; i++)
            {
                number.Inbound(Of(i));
            }

            for (var i = 0; i < 80; i++)
            {
                Decisions.Allowed(number.Request(new PermitAsk(Message($"wamid.{i}"), Of(i), MessageType.Session)));
            }

            var last = number.Request(new PermitAsk(Message("wamid.80"), Of(80), MessageType.Session));

            Assert.Equal(upgraded ? DenyReason.None : DenyReason.ThroughputLimit, last.Decision.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void DeniesMarketingLimitPerUserAfterA131049BeforeAskingTheQuota(bool meta)
    {
        var number = new Number(meta, October);
        number.Put(Sale, TemplateCategory.Marketing, TemplateStatus.Approved);
        number.Put(Receipt, TemplateCategory.Utility, TemplateStatus.Approved);
        number.Permits.Verdicts.Outcome(Message("wamid.0"), Alice, SendStatus.Failed, MetaErrorCodes.MarketingLimit, October, October);
        number.Now += TimeSpan.FromHours(1);

        var marketing = number.Request(Template("wamid.1", Alice, Sale));
        var utility = number.Request(Template("wamid.2", Alice, Receipt));

        Decisions.Denied(marketing, DenyReason.MarketingLimitPerUser, October + TimeSpan.FromHours(24));
        Assert.False(marketing.AskedQuota);
        Decisions.Allowed(utility);
        Assert.Equal(new Price(PricingCategory.Utility, FreeReason.None), utility.Decision.Price);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void DeniesMarketingOptedOutGivenTheCustomersStopUnderAnotherId(bool meta)
    {
        var number = new Number(meta, October);
        number.Put(Sale, TemplateCategory.Marketing, TemplateStatus.Approved);
        number.Permits.Links.Link(Alice, AliceBsuid, October);
        number.Permits.Verdicts.Preference(AliceBsuid, stop: true, October, October);

        Decisions.Denied(number.Request(Template("wamid.1", Alice, Sale)), DenyReason.MarketingOptedOut);
    }

    private static PermitAsk Template(string id, CustomerIdentity customer, TemplateName? name) =>
        new(Message(id), customer, MessageType.Template) { Template = name };

    /// <summary>
    /// One number of a live, reviewed account at a chosen instant, deciding as the number grain does: the
    /// gate carries the account's registry and the number's upgrade; the quota is asked when needed and the
    /// permit completed with the same gate.
    /// </summary>
    private sealed class Number
    {
        public Number(bool meta, DateTimeOffset now, Func<WabaRules, WabaRules>? tune = null)
        {
            Rules = (tune ?? (r => r))(meta ? WabaRules.Meta : WabaRules.Document);
            Now = now;
            Permits = new NumberPermits(Rules);
            Quota = new TemplateQuota(Rules);
            Account = MessagingAccounts.Reviewed(MessagingAccounts.Live(Rules, now), ReviewDecision.Approved, now);
        }

        public WabaRules Rules { get; }
        public NumberPermits Permits { get; }
        public TemplateQuota Quota { get; }
        public Account Account { get; private set; }
        public DateTimeOffset Now { get; set; }
        public bool Upgraded { get; init; }
        public int Limit => Account.TemplateRecipientLimit(Rules);

        private SendGate Gate => Account.Gate(Rules) with { Templates = new TemplateBook(Account.Templates), ThroughputUpgraded = Upgraded };

        public void Put(TemplateName name, TemplateCategory category, TemplateStatus status, DateTimeOffset? pausedUntil = null)
        {
            var put = Account.SetTemplate(name, category, status, pausedUntil, Now);
            Assert.True(put.IsSuccess, put.Error?.Message);
            Account = put.Value.State;
        }

        public void Inbound(CustomerIdentity customer) => Assert.True(Permits.Windows.RecordInbound(customer, Now, Now).IsSuccess);

        public PermitAnswer Request(PermitAsk ask)
        {
            var gate = Gate;
            var step = Permits.Decide(gate, true, ask, Now);
            if (step.Kind != PermitStepKind.NeedsQuota)
            {
                return new PermitAnswer(step, null);
            }

            var granted = Quota.Grant(ask.Id, ask.Customer, [.. step.Aliases], Limit, Now);
            return new PermitAnswer(Permits.Complete(ask, granted, Now, gate), granted);
        }
    }
}
