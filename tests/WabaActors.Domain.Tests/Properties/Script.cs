namespace WabaActors.Domain.Tests.Properties;

/// <summary>Resolves a scenario's operations into commands: absolute time, new message ids, and retries of earlier ones.</summary>
public static class Script
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Command> Of(Scenario scenario)
    {
        var now = Start;
        var sent = new List<Command.Permit>();
        var commands = new List<Command>();
        foreach (var op in scenario.Ops)
        {
            now += op.Advance;
            var customer = Command.CustomerOf(op.Customer);
            Command command = op.Kind switch
            {
                OpKind.Inbound => new Command.Inbound(now, customer, now + op.Offset),
                OpKind.Close => new Command.Close(now, customer, now - op.Offset),
                OpKind.Retry when sent.Count > 0 => Retry(sent[op.Pick % sent.Count], op.Vary, now),
                _ => New(new Command.Permit(now, customer, $"m{sent.Count}", op.Kind == OpKind.Template)),
            };
            commands.Add(command);
        }

        return commands;

        Command.Permit New(Command.Permit permit)
        {
            sent.Add(permit);
            return permit;
        }
    }

    // Vary 0–3: the same request again; 4: another customer; 5: the other type.
    private static Command.Permit Retry(Command.Permit earlier, int vary, DateTimeOffset now) => vary switch
    {
        4 => earlier with { Now = now, Customer = Command.CustomerOf((int)((earlier.Customer - Command.CustomerOf(0) + 1) % Scenario.Pool)) },
        5 => earlier with { Now = now, Template = !earlier.Template },
        _ => earlier with { Now = now },
    };
}
