using WabaActors.Domain.Identity;
using WabaActors.Domain.Messaging;
using WabaActors.Domain.Onboarding;
using WabaActors.Domain.Rules;

namespace WabaActors.Benchmarks;

/// <summary>
/// The "domain" scenarios: each builds its state untimed, then times its op. Simulated time moves
/// forward a fixed step per op, so windows are extended and recipients counted as in production,
/// not answered from a frozen instant.
/// </summary>
public static class DomainScenarios
{
    public const int Million = 1_000_000;

    private static readonly WabaRules Rules = WabaRules.Document;
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static long _sink;

    /// <summary>
    /// A customer's message extends their window, then the window is read: 10 vs 1M open windows.
    /// 10 ms of simulated time per op: a window untouched for a day (8.64M ops) expires and is pruned.
    /// </summary>
    public static Measurement Windows(int open)
    {
        var windows = new CustomerWindows(Rules.ServiceWindow, Rules.FutureTimestampTolerance);
        var customers = new CustomerId[open];
        for (var i = 0; i < open; i++)
        {
            customers[i] = Customers.Of(i);
            windows.RecordInbound(customers[i], T0, T0);
        }

        return Bench.Run($"windows.record+get {Size(open)} open", (first, count) =>
        {
            for (var op = first; op < first + count; op++)
            {
                var now = T0 + TimeSpan.FromMilliseconds(10 * (op + 1));
                var customer = customers[Customers.Pick(op, open)];
                windows.RecordInbound(customer, now, now);
                _sink += windows.Get(customer, now).ExpiresAt?.UtcTicks ?? 0;
            }
        }, warmup: 500_000, ops: 10_000_000, batch: 1_000);
    }

    /// <summary>The baseline of <see cref="Windows"/>: a dictionary keyed by the customer's string.</summary>
    public static Measurement NaiveWindows(int open)
    {
        var windows = new NaiveWindows(Rules.ServiceWindow, Rules.FutureTimestampTolerance);
        var customers = new string[open];
        for (var i = 0; i < open; i++)
        {
            customers[i] = Customers.Text(i);
            windows.RecordInbound(customers[i], T0, T0);
        }

        return Bench.Run($"naive windows {Size(open)} open", (first, count) =>
        {
            for (var op = first; op < first + count; op++)
            {
                var now = T0 + TimeSpan.FromMilliseconds(10 * (op + 1));
                var customer = customers[Customers.Pick(op, open)];
                windows.RecordInbound(customer, now, now);
                _sink += windows.IsOpen(customer, now) ? 1 : 0;
            }
        }, warmup: 500_000, ops: 10_000_000, batch: 1_000);
    }

    /// <summary>
    /// A template to a new customer, limit 1M, with the rolling set full at <paramref name="held"/>:
    /// one count is spaced period/held after the last, so each op lets one count expire and adds one.
    /// </summary>
    public static Measurement Recipients(int held)
    {
        var recipients = new TemplateRecipients(Rules.TemplateRecipientPeriod);
        var spacing = Rules.TemplateRecipientPeriod.Ticks / held;
        for (var i = 0; i < held; i++)
        {
            recipients.TryCount(Customers.Of(i), Million, T0 + TimeSpan.FromTicks(i * spacing));
        }

        return Bench.Run($"recipients.trycount {Size(held)} held", (first, count) =>
        {
            for (var op = first; op < first + count; op++)
            {
                var n = held + op;
                _sink += recipients.TryCount(Customers.Of(n), Million, T0 + TimeSpan.FromTicks(n * spacing)).Usage.Used;
            }
        }, warmup: 500_000, ops: 10_000_000, batch: 1_000);
    }

    /// <summary>The baseline of <see cref="Recipients"/>: a list pruned and searched on every call.</summary>
    public static Measurement NaiveRecipients(int held)
    {
        var recipients = new NaiveRecipients(Rules.TemplateRecipientPeriod);
        var spacing = Rules.TemplateRecipientPeriod.Ticks / held;
        for (var i = 0; i < held; i++)
        {
            recipients.Load(Customers.Text(i), T0 + TimeSpan.FromTicks(i * spacing));
        }

        // Each op scans the whole list: far fewer ops, in small batches, for the 1M case.
        var (warmup, ops, batch) = held >= Million ? (20L, 300L, 10) : (500_000L, 10_000_000L, 1_000);
        var texts = new string[batch];
        return Bench.Run($"naive recipients {Size(held)} held", (first, count) =>
        {
            for (var op = first; op < first + count; op++)
            {
                var n = held + op;
                _sink += recipients.TryCount(texts[op - first], Million, T0 + TimeSpan.FromTicks(n * spacing)) ? 1 : 0;
            }
        }, warmup, ops, batch, prepare: (first, count) =>
        {
            // The customer arrives as a string from the wire: making it is not the count's cost.
            for (var i = 0; i < count; i++)
            {
                texts[i] = Customers.Text(held + first + i);
            }
        });
    }

    /// <summary>
    /// The whole decision for a new message id, composed as the number grain composes it: the number
    /// decides (ledger, account, number, window); a template to a new customer then takes a slot from the
    /// template quota (its own ledger, recipients, grant) and the number completes and records the grant.
    /// A session message goes to one of 10,000 open windows and never asks the quota.
    /// 10 ms of simulated time per op keeps up to 8.6M ops (warm-up included) inside one day.
    /// </summary>
    public static Measurement Permit(MessageType type)
    {
        var permits = new NumberPermits(Rules);
        var quota = new TemplateQuota(Rules);
        var account = Account(Rules, T0) with { TemplateRecipientLimitOverride = int.MaxValue };
        var gate = account.Gate(Rules);
        var limit = account.TemplateRecipientLimit(Rules);
        const int windows = 10_000;
        for (var i = 0; i < windows; i++)
        {
            permits.Windows.RecordInbound(Customers.Of(i), T0, T0);
        }

        var ids = new MessageId[1_000];
        var name = type == MessageType.Template ? "permit.decide+grant+complete template" : "permit.decide session";
        return Bench.Run(name, (first, count) =>
        {
            for (var op = first; op < first + count; op++)
            {
                var customer = type == MessageType.Template ? Customers.Of(windows + op) : Customers.Of(Customers.Pick(op, windows));
                var now = T0 + TimeSpan.FromMilliseconds(10 * (op + 1));
                var ask = new PermitAsk(ids[op - first], customer, type);
                var step = permits.Decide(gate, true, ask, now);
                if (step.Kind == PermitStepKind.NeedsQuota)
                {
                    step = permits.Complete(ask, quota.Grant(ask.Id, ask.Customer, limit, now), now);
                }

                _sink += step.Decision is { Allowed: true } ? 1 : 0;
            }
        }, warmup: 200_000, ops: 1_000_000, batch: ids.Length, prepare: (first, count) =>
        {
            // Message ids arrive as strings from the wire: making them is not the decision's cost.
            for (var i = 0; i < count; i++)
            {
                ids[i] = MessageId.Parse($"wamid.{first + i}").Value;
            }
        });
    }

    /// <summary>Heap bytes per open window: 1M customers' windows in one number.</summary>
    public static double WindowBytes() => Bench.BytesPerEntry(() =>
    {
        var windows = new CustomerWindows(Rules.ServiceWindow, Rules.FutureTimestampTolerance);
        for (var i = 0; i < Million; i++)
        {
            windows.RecordInbound(Customers.Of(i), T0, T0);
        }

        return windows;
    }, Million);

    /// <summary>Heap bytes added when each of 1M open windows is extended once (one FIFO entry per change).</summary>
    public static double WindowExtendBytes()
    {
        var windows = new CustomerWindows(Rules.ServiceWindow, Rules.FutureTimestampTolerance);
        for (var i = 0; i < Million; i++)
        {
            windows.RecordInbound(Customers.Of(i), T0, T0);
        }

        var later = T0 + TimeSpan.FromMinutes(1);
        return Bench.BytesPerEntry(() =>
        {
            for (var i = 0; i < Million; i++)
            {
                windows.RecordInbound(Customers.Of(i), later, later);
            }

            return windows;
        }, Million);
    }

    /// <summary>Heap bytes per counted recipient: 1M in one rolling set.</summary>
    public static double RecipientBytes() => Bench.BytesPerEntry(() =>
    {
        var recipients = new TemplateRecipients(Rules.TemplateRecipientPeriod);
        for (var i = 0; i < Million; i++)
        {
            recipients.TryCount(Customers.Of(i), Million, T0);
        }

        return recipients;
    }, Million);

    public static double NaiveWindowBytes() => Bench.BytesPerEntry(() =>
    {
        var windows = new NaiveWindows(Rules.ServiceWindow, Rules.FutureTimestampTolerance);
        for (var i = 0; i < Million; i++)
        {
            windows.RecordInbound(Customers.Text(i), T0, T0);
        }

        return windows;
    }, Million);

    public static double NaiveRecipientBytes() => Bench.BytesPerEntry(() =>
    {
        var recipients = new NaiveRecipients(Rules.TemplateRecipientPeriod);
        for (var i = 0; i < Million; i++)
        {
            recipients.Load(Customers.Text(i), T0);
        }

        return recipients;
    }, Million);

    public static long Sink => _sink;

    private static string Size(int n) => n >= Million ? $"{n / Million}M" : $"{n}";

    private static Account Account(WabaRules rules, DateTimeOffset now)
    {
        var a = Domain.Onboarding.Account.Create("bench", "waba-bench", "Bench", now).State;
        a = a.SubmitEmail("ops@bench.example", now).Value.State.ConfirmEmail(now).Value.State;
        a = a.SubmitBusinessManager("1234567890", true, "Bench s.r.o.", "https://bench.example", now).Value.State;
        a = a.SubmitCompanyProfile("Bench s.r.o.", "other", "Benchmarks.", now).Value.State;
        a = a.AddNumber("420601234567", rules, now).Value.State;
        return a.NumberRegistered("420601234567", rules, now).State;
    }
}
