using System.Net.Sockets;
using Orleans.Serialization;

namespace WabaActors.Contracts.Common;

/// <summary>
/// The one rule for "the database could not be reached": whether an exception — as thrown by Npgsql,
/// or as it arrives after a grain call (the original type, wrapped in another exception, or, when the
/// type could not cross, Orleans' stand-in naming it) — is a storage outage, and which kind. The web
/// host answers such a call <c>503 storage_unavailable</c>; the grains and the group-commit writer
/// count it (FaultLog) instead of logging a stack per call. Classified by type name, so
/// the grains need no reference to Npgsql. A fenced write (QuotaFencedException) is not one of these.
/// </summary>
public static class StorageFault
{
    public const string ConnectionRefused = "connection_refused";
    public const string ConnectionLost = "connection_lost";
    public const string ServerShutdown = "server_shutdown";
    public const string ServerStarting = "server_starting";
    public const string ServerOverloaded = "server_overloaded";
    public const string Timeout = "timeout";

    /// <summary>Every kind, for the docs and the metric's tag values.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [ConnectionRefused, ConnectionLost, ServerShutdown, ServerStarting, ServerOverloaded, Timeout];

    private const int MaxDepth = 16;

    /// <summary>The kind of storage outage <paramref name="exception"/> or any exception inside it is; null when it is none.</summary>
    public static string? KindOf(Exception? exception) => Find(exception)?.Kind;

    /// <summary>The kind, and the exception in <paramref name="exception"/>'s chain that told it (its message says what failed).</summary>
    public static (string Kind, Exception Cause)? Find(Exception? exception) => Find(exception, 0);

    private static (string Kind, Exception Cause)? Find(Exception? exception, int depth)
    {
        if (exception is null || depth > MaxDepth)
        {
            return null;
        }

        if (Classify(exception) is { } kind)
        {
            return (kind, exception);
        }

        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                if (Find(inner, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        return Find(exception.InnerException, depth + 1);
    }

    private static string? Classify(Exception exception) => exception.GetType().FullName switch
    {
        "Npgsql.PostgresException" => OfSqlState(exception.GetType().GetProperty("SqlState")?.GetValue(exception) as string ?? StateIn(exception.Message)),
        "Npgsql.NpgsqlException" => OfClientError(exception),
        _ when exception is UnavailableExceptionFallbackException fallback => OfFallback(fallback),

        // A silo of the build before the one that lets Npgsql's exceptions cross (ADR 0024) sends this
        // instead, naming the type (a rolling upgrade's mixed cluster). A client-side
        // NpgsqlException is always a connection's failure; a server's PostgresException says nothing more
        // here, so it is not taken for an outage.
        _ when exception is CodecNotFoundException && exception.Message.Contains("Npgsql.NpgsqlException", StringComparison.Ordinal) => ConnectionLost,
        _ => null,
    };

    /// <summary>A server error's message starts with its SQL state ("57P01: terminating connection …").</summary>
    private static string? StateIn(string message) => message.Length > 6 && message[5] == ':' ? message[..5] : null;

    /// <summary>The server's own refusals that mean "not now": shutting down, starting, out of connections, connection errors, a cancelled statement.</summary>
    private static string? OfSqlState(string? state) => state switch
    {
        "57P01" or "57P02" => ServerShutdown,      // admin_shutdown, crash_shutdown
        "57P03" => ServerStarting,                  // cannot_connect_now
        "57014" => Timeout,                         // query_canceled (statement timeout)
        "53300" or "53200" or "53100" => ServerOverloaded, // too_many_connections, out_of_memory, disk_full
        { Length: 5 } when state.StartsWith("08", StringComparison.Ordinal) => ConnectionLost, // connection_exception
        _ => null,
    };

    /// <summary>An Npgsql client-side error (not a server's answer): the connection could not be opened or broke.</summary>
    private static string OfClientError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return ConnectionRefused;
                case TimeoutException:
                    return Timeout;
            }
        }

        return ConnectionLost;
    }

    /// <summary>An exception whose type Orleans could not recreate: only its type name and message came across.</summary>
    private static string? OfFallback(UnavailableExceptionFallbackException fallback)
    {
        var type = fallback.ExceptionType ?? "";
        if (type.StartsWith("Npgsql.PostgresException", StringComparison.Ordinal))
        {
            return OfSqlState(StateIn(fallback.Message));
        }

        return type.StartsWith("Npgsql.", StringComparison.Ordinal) ? ConnectionLost : null;
    }
}
