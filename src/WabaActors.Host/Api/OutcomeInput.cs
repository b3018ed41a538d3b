using WabaActors.Contracts.Common;
using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Api;

/// <summary>
/// <c>POST …/numbers/{phone}/outcomes</c> read into a <see cref="SendOutcome"/>: the closed set <c>status</c>
/// parsed here from the table the OpenAPI document lists too; the number validates the ids (the slow path
/// names every invalid field, as <see cref="MessagingInput"/> does).
/// </summary>
internal static class OutcomeInput
{
    /// <summary><c>status</c> of an outcome.</summary>
    public static IReadOnlyDictionary<string, OutcomeStatus> Statuses { get; } = MessagingInput.Closed<OutcomeStatus>();

    /// <summary>The outcome for the number, or null when the body needs <see cref="Invalid"/>.</summary>
    public static SendOutcome? Read(OutcomeBody body) =>
        body.Status is { } text && Statuses.TryGetValue(text, out var status) && body.ErrorCode is null or > 0
            ? new SendOutcome(body.MessageId ?? string.Empty, body.Customer ?? string.Empty, status, body.ErrorCode, body.Timestamp, body.UserId)
            : null;

    /// <summary>Every invalid field of an outcome body.</summary>
    public static Failure Invalid(OutcomeBody body)
    {
        var v = MessagingInput.People(body.Customer, body.UserId, body.MessageId);
        v.Check(body.Status is not null && Statuses.ContainsKey(body.Status), "status", $"status must be {MessagingInput.Words(Statuses)}.");
        v.Check(body.ErrorCode is null or > 0, "errorCode", "errorCode is Meta's positive error code (131049, 131050, …), left out when none.");
        return MessagingInput.Failure(v);
    }
}
