using CsCheck;
using WabaActors.Domain.Events;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;
using WabaActors.Domain.Tests.Support;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// Any sequence of review decisions — Meta's by webhook (any of its four words, with redeliveries of
/// earlier ones), the operator's, and go-live somewhere in between — leaves the account in the state
/// of the last decision that arrived, under both rule profiles. The webhook path is driven the way
/// the account grain drives it: the rules compute the effect, <see cref="Redelivery"/> classifies it
/// against the digests seen (a digest is the decision's value, as Meta's body carries nothing else).
/// </summary>
public class ReviewDecisionsProperty
{
    private enum Source { Webhook, Redelivery, Operator, GoLive }

    private sealed record Step(Source Source, MetaReviewDecision Word, int Earlier)
    {
        public override string ToString() => Source == Source.GoLive ? "go-live" : $"{Source}:{Word}/{Earlier}";
    }

    private static readonly Gen<Step> Steps = Gen.Select(
        Gen.Int[0, 9], Gen.Enum<MetaReviewDecision>(), Gen.Int[0, 20],
        (k, word, earlier) => new Step(k switch { < 5 => Source.Webhook, < 7 => Source.Redelivery, < 9 => Source.Operator, _ => Source.GoLive },
            k is 7 or 8 && word > MetaReviewDecision.Rejected ? word - 2 : word, earlier));

    [Fact]
    [Trait("Rule", "meta-review")]
    [Trait("Kind", "property")]
    public void LeavesTheStateOfTheLastDecisionGivenAnySequenceUnderBothProfiles()
    {
        Gen.Select(Gen.Bool, Steps.Array[1, 16]).Sample((meta, steps) =>
        {
            var rules = meta ? WabaRules.Meta : WabaRules.Document;
            var holds = !rules.SendsAllowedWhileReviewPending;
            var at = TestClock.Start;
            var account = TestAccounts.Step3Done(at).AddNumber(TestAccounts.FirstPhone, rules, at).Ok().State;
            var seen = new HashSet<MetaReviewDecision>();
            var sent = new List<MetaReviewDecision>();
            ReviewStatus? expected = null;   // the review status the last effective decision asks for
            foreach (var step in steps)
            {
                at = at.AddMinutes(1);
                if (step.Source == Source.GoLive)
                {
                    if (!account.IsLive)
                    {
                        account = account.NumberRegistered(TestAccounts.FirstPhone, rules, at).State;
                        expected ??= ReviewStatus.Pending;
                    }

                    continue;
                }

                if (step.Source == Source.Operator)
                {
                    var decision = step.Word == MetaReviewDecision.Approved ? ReviewDecision.Approved : ReviewDecision.Rejected;
                    var decided = account.DecideCommerceReview(decision, null, at);
                    if (decided.IsSuccess)
                    {
                        account = decided.Value.State;
                        expected = decision == ReviewDecision.Approved ? ReviewStatus.Approved : ReviewStatus.Rejected;
                    }

                    continue;
                }

                var word = step.Source == Source.Redelivery && sent.Count > 0 ? sent[step.Earlier % sent.Count] : step.Word;
                sent.Add(word);
                var change = account.ApplyMetaReview(word, rules, at);
                if (Redelivery.Classify(account, change, seen.Contains(word)) == ChangeOutcome.Apply)
                {
                    account = change.State;
                }

                seen.Add(word);
                if (word is MetaReviewDecision.Approved or MetaReviewDecision.Rejected || holds)
                {
                    expected = word switch
                    {
                        MetaReviewDecision.Approved => ReviewStatus.Approved,
                        MetaReviewDecision.Rejected => ReviewStatus.Rejected,
                        _ => ReviewStatus.Pending,
                    };
                }
            }

            if (!account.IsLive)
            {
                account = account.NumberRegistered(TestAccounts.FirstPhone, rules, at.AddMinutes(1)).State;
                expected ??= ReviewStatus.Pending;
            }

            Assert.Equal(expected, account.CommerceReview!.Status);
            Assert.Equal(expected == ReviewStatus.Rejected ? AccountStatus.Blocked : AccountStatus.Live, account.Status);
            Assert.Equal(holds && expected == ReviewStatus.Pending, account.IsHeldForReview(rules));
        }, iter: 2_000, print: t => $"meta={t.Item1} [{string.Join(", ", t.Item2.Select(s => s.ToString()))}]");
    }
}
