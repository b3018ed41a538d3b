using System.Collections.Concurrent;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Durability.Tests.Support;

public enum OpKind
{
    Inbound,
    Template,
}

/// <summary>One request of the load: a customer's inbound message, or a template permit. The message id makes a retry the same request.</summary>
public sealed record LoadOp(int Index, OpKind Kind, string Phone, string Customer, string MessageId, DateTimeOffset Timestamp);

/// <summary>
/// The answers that came back. Only these are acknowledged: a call that threw, timed out or lost its
/// connection promised nothing, whatever it may have left behind.
/// </summary>
public sealed class Acks
{
    public ConcurrentDictionary<LoadOp, WindowView> Windows { get; } = new();

    public ConcurrentDictionary<LoadOp, PermitDecision> Permits { get; } = new();

    public ConcurrentDictionary<LoadOp, string> Failures { get; } = new();

    /// <summary>Answers that refused a request (an error reply): none is expected from this load.</summary>
    public ConcurrentDictionary<LoadOp, string> Refusals { get; } = new();

    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public int Count => Windows.Count + Permits.Count;

    /// <summary>Completes as soon as <paramref name="count"/> answers are in (signalled by the answer itself, not polled).</summary>
    public Task CountReached(int count)
    {
        lock (_waiters)
        {
            if (Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    internal void Answered()
    {
        lock (_waiters)
        {
            var count = Count;
            foreach (var waiter in _waiters.Where(w => w.Count <= count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Acknowledged template grants that counted a recipient (a grant carries the recipients used).</summary>
    public IEnumerable<(LoadOp Op, PermitDecision Decision)> CountedGrants =>
        Permits.Where(p => p.Value.Allowed && p.Value.TemplateRecipients is not null).Select(p => (p.Key, p.Value));

    public int Denials(DenialReason reason) => Permits.Values.Count(d => !d.Allowed && d.Reason == reason);

    public string Summary =>
        $"{Windows.Count} windows and {Permits.Values.Count(d => d.Allowed)} grants acknowledged, " +
        $"{Permits.Values.Count(d => !d.Allowed)} denials, {Failures.Count} unacknowledged " +
        $"({string.Join(", ", Failures.Values.GroupBy(f => f).Select(g => $"{g.Count()}× {g.Key}"))})";
}

public static class Load
{
    /// <summary>
    /// <paramref name="templates"/> template permits to distinct customers with no window, interleaved
    /// with <paramref name="inbound"/> messages of other distinct customers, spread over the phones.
    /// </summary>
    public static List<LoadOp> Plan(IReadOnlyList<string> phones, int templates, int inbound)
    {
        var now = DateTimeOffset.UtcNow;
        var ops = new List<LoadOp>();
        for (var i = 0; i < Math.Max(templates, inbound); i++)
        {
            if (i < templates)
            {
                ops.Add(new LoadOp(ops.Count, OpKind.Template, phones[i % phones.Count], Ids.Customer(), Ids.Message(), now));
            }

            if (i < inbound)
            {
                // Minutes old, with sub-millisecond digits: the window must come back to the microsecond.
                var at = now.AddMinutes(-30).AddSeconds(i).AddTicks(1_234_567 + i);
                ops.Add(new LoadOp(ops.Count, OpKind.Inbound, phones[(i + 1) % phones.Count], Ids.Customer(), Ids.Message(), at));
            }
        }

        return ops;
    }

    /// <summary>Runs <paramref name="ops"/> with <paramref name="concurrency"/> callers, recording every answer and every failure.</summary>
    public static async Task RunAsync(IEnumerable<LoadOp> ops, int concurrency, Func<LoadOp, Task<object>> send, Acks acks)
    {
        var queue = new ConcurrentQueue<LoadOp>(ops);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var op))
            {
                try
                {
                    var answer = await send(op).WaitAsync(Settings.CallTimeout);
                    acks.Failures.TryRemove(op, out _);
                    if (answer is WindowView window)
                    {
                        acks.Windows[op] = window;
                    }
                    else if (answer is PermitDecision decision)
                    {
                        acks.Permits[op] = decision;
                    }
                    else
                    {
                        acks.Refusals[op] = answer.ToString() ?? "null";
                    }

                    acks.Answered();
                }
                catch (Exception e)
                {
                    acks.Failures[op] = e.GetType().Name;
                }
            }
        })));
    }
}
