using CsCheck;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.MessagingSupport;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// Any interleaving of inbound messages, permits and links, on two numbers sharing one quota, under both
/// ids of two people (a phone and a BSUID each), under either rule profile: the quota never counts more
/// recipients than a naive per-id model that ignores links; it never lets a template out uncounted when no
/// window of the person is open (never under-counts); and once the directory links a person, a template
/// to one id when another is counted takes no new slot.
/// </summary>
public class CustomerLinksProperty
{
    private static readonly CustomerIdentity[] Ids =
    [
        CustomerIdentity.Of(new CustomerId(420_601_000_001)), CustomerIdentity.Parse("US.13491208655302741918").Value,
        CustomerIdentity.Of(new CustomerId(420_601_000_002)), CustomerIdentity.Parse("DE.AbC9zz01").Value,
    ];

    // (kind 0 inbound, 1 session, 2 template, 3 link, 4 advance), number, id index, minutes.
    private static readonly Gen<(int Kind, int Number, int Id, int Minutes)> Step =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[1, 120]);

    [Fact]
    [Trait("Rule", "template-recipients-rolling-24h")]
    [Trait("Kind", "property")]
    public void NeverCountsAPersonTwiceAfterTheLinkNorFewerThanItSends()
    {
        Gen.Select(Gen.Bool, Step.Array[1, 60]).Sample((meta, steps) =>
        {
            // An approved account: Meta's profile holds every send while the review is pending.
            var first = new NumberAndQuota(meta ? WabaRules.Meta : WabaRules.Document, (rules, now) => MessagingAccounts.Reviewed(MessagingAccounts.Live(rules, now), ReviewDecision.Approved, now));
            NumberAndQuota[] numbers = [first, first.AnotherNumber()];
            var naive = new HashSet<int>();
            var message = 0;
            foreach (var (kind, n, id, minutes) in steps)
            {
                var number = numbers[n];
                var customer = Ids[id];
                switch (kind)
                {
                    case 0:
                        number.Inbound(customer);
                        break;
                    case 1:
                        number.Decide($"wamid.{++message}", customer, MessageType.Session);
                        break;
                    case 2:
                        Template(first, number, id, $"wamid.{++message}", naive);
                        break;
                    case 3:
                        number.Link(Ids[id & ~1], Ids[id | 1]);
                        break;
                    default:
                        // Under the rolling period, so that nothing leaves it and the counts stay comparable.
                        number.Advance(TimeSpan.FromMinutes(minutes));
                        break;
                }
            }
        }, iter: 3_000, print: t => $"meta={t.Item1} [{string.Join(" ", t.Item2)}]");
    }

    private static void Template(NumberAndQuota quota, NumberAndQuota number, int id, string messageId, HashSet<int> naive)
    {
        var customer = Ids[id];
        var windowOpenUnderThisId = number.Permits.Windows.Get(customer, number.Now).Open;
        var person = (CustomerIdentity[])[customer, .. quota.Quota.Links.Aliases(customer, number.Now)];
        var personCounted = person.Any(p => quota.Quota.IsCounted(p, number.Now));
        var usedBefore = quota.Usage.Used;

        var answer = number.Decide(messageId, customer, MessageType.Template);

        if (!windowOpenUnderThisId && !naive.Contains(id))
        {
            naive.Add(id);
        }

        Assert.True(quota.Usage.Used <= naive.Count, $"{quota.Usage.Used} counted, the naive per-id model {naive.Count}");
        if (personCounted)
        {
            Assert.Equal(usedBefore, quota.Usage.Used);
        }

        var anyWindowOpen = person.Any(p => number.Permits.Windows.Get(p, number.Now).Open);
        if (answer.Step.Decision is { Allowed: true } && !anyWindowOpen)
        {
            Assert.True(person.Any(p => quota.Quota.IsCounted(p, number.Now)), $"{customer} sent a template uncounted with no window open");
        }
    }
}
