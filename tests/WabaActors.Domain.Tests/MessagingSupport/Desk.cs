using Microsoft.Extensions.Time.Testing;
using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Domain.Tests.MessagingSupport;

/// <summary>A <see cref="SendDesk"/> with its account, number state and fake clock, for terse tests.</summary>
public sealed class Desk
{
    public Desk(WabaRules? rules = null, Func<WabaRules, DateTimeOffset, Account>? account = null)
    {
        Rules = rules ?? WabaRules.Document;
        Time = Clock.New();
        Send = new SendDesk(Rules);
        Account = (account ?? MessagingAccounts.Live)(Rules, Now);
    }

    public WabaRules Rules { get; }
    public FakeTimeProvider Time { get; }
    public SendDesk Send { get; }
    public Account Account { get; set; }
    public bool NumberRegistered { get; set; } = true;

    public DateTimeOffset Now => Time.GetUtcNow();

    public void Advance(TimeSpan by) => Time.Advance(by);

    public Result<PermitOutcome> Request(string messageId, CustomerId customer, MessageType type) =>
        Send.Request(Account, NumberRegistered, Customers.Message(messageId), customer, type, Now);

    /// <summary>A request expected to be answered (allowed or denied), not refused with an error.</summary>
    public PermitOutcome Decide(string messageId, CustomerId customer, MessageType type)
    {
        var result = Request(messageId, customer, type);
        Assert.True(result.IsSuccess, $"expected a decision, got {result.Error?.Code}");
        return result.Value;
    }

    /// <summary>A customer's message with timestamp <c>now + offset</c>, expected to be accepted.</summary>
    public WindowChange? Inbound(CustomerId customer, TimeSpan offset = default)
    {
        var result = Send.Windows.RecordInbound(customer, Now + offset, Now);
        Assert.True(result.IsSuccess, $"inbound refused: {result.Error?.Code}");
        return result.Value;
    }

    public RecipientUsage Usage => Send.Recipients.Usage(Account.TemplateRecipientLimit(Rules), Now);
}
