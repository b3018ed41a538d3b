namespace WabaActors.Durability.Tests.Support;

public enum ChaosKind
{
    Inbound,
    Session,
    Template,
}

/// <summary>
/// One request of the chaos run: a customer's inbound message, a free-form (session) permit or a
/// template permit, for one account's number. The message id makes a retry the same request.
/// </summary>
public sealed record ChaosOp(int Index, HttpAccount Account, ChaosKind Kind, string Phone, string Customer, string MessageId, DateTimeOffset Timestamp)
{
    /// <summary>
    /// Per account: for each customer of a window, its inbound message followed (a few requests later) by a
    /// session permit; between them template permits to customers of their own, <paramref name="templates"/>
    /// in all (more than the limit, so the limit is reached while silos die).
    /// </summary>
    public static List<ChaosOp> Plan(IReadOnlyList<(HttpAccount Account, string[] Phones)> accounts, int windows, int templates)
    {
        var now = DateTimeOffset.UtcNow;
        var ops = new List<ChaosOp>();
        for (var i = 0; i < Math.Max(windows, templates); i++)
        {
            foreach (var (account, phones) in accounts)
            {
                var phone = phones[i % phones.Length];
                if (i < windows)
                {
                    var customer = Ids.Customer();
                    var at = now.AddMinutes(-30).AddSeconds(i).AddTicks(1_234_567 + i);
                    ops.Add(new ChaosOp(ops.Count, account, ChaosKind.Inbound, phone, customer, Ids.Message(), at));
                    ops.Add(new ChaosOp(ops.Count, account, ChaosKind.Session, phone, customer, Ids.Message(), now));
                }

                if (i < templates)
                {
                    ops.Add(new ChaosOp(ops.Count, account, ChaosKind.Template, phone, Ids.Customer(), Ids.Message(), now));
                }
            }
        }

        return ops;
    }
}
