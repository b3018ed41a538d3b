using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Tests.Wire;

/// <summary>
/// The grain contract is typed: every domain value that crosses a grain call has a contract value of the
/// same name, so a value added to the domain and not to the contract fails here, not at run time.
/// </summary>
public class TypedContract
{
    [Fact]
    public void NamesEveryDenialOfTheDomainInTheContract()
    {
        foreach (var reason in Enum.GetValues<DenyReason>().Where(r => r != DenyReason.None))
        {
            var decision = SendDecision.Deny(reason, "why").ToContract("wamid.1");
            Assert.Equal(reason.ToString(), decision.Reason.ToString());
        }

        Assert.Equal(Enum.GetValues<DenyReason>().Length - 1, Enum.GetValues<DenialReason>().Length);
    }

    [Fact]
    public void CarriesEveryQuotaOutcomeAcrossTheHopAndBack()
    {
        foreach (var outcome in Enum.GetValues<GrantOutcome>())
        {
            var answer = new QuotaAnswer(outcome, new RecipientUsage(3, 5, DateTimeOffset.UnixEpoch));
            var crossed = answer.ToContract();

            Assert.Equal(outcome.ToString(), crossed.Outcome.ToString());
            Assert.Equal(answer, crossed.ToDomain());
        }

        Assert.Equal(Enum.GetValues<GrantOutcome>().Length, Enum.GetValues<TemplateGrantOutcome>().Length);
    }

    [Fact]
    public void CarriesEveryAccountStatusInTheGate()
    {
        foreach (var status in Enum.GetValues<AccountStatus>())
        {
            Assert.Equal(status, status.ToContract().ToDomain());
        }

        Assert.Equal(Enum.GetValues<AccountStatus>().Length, Enum.GetValues<GateStatus>().Length);
    }

    [Theory]
    [InlineData(MessageKind.Session, MessageType.Session)]
    [InlineData(MessageKind.Template, MessageType.Template)]
    public void ReadsTheMessageKindAsTheDomainsType(MessageKind kind, MessageType type) => Assert.Equal(type, kind.ToDomain());
}
