namespace WabaActors.Host.Api;

// HTTP request bodies. Every field is nullable so that a missing one reaches the domain's
// validation (a 400 naming the field) instead of failing binding.

public sealed record CreateAccountBody(string? Name = null);

public sealed record EmailBody(string? Email);

public sealed record AddNumberBody(string? PhoneNumber, string? VerificationMethod, bool? InUseInWhatsAppApp, bool? IvrDisabled = null);

public sealed record VerificationBody(string? Code);

public sealed record BusinessVerificationBody(string? Status);

public sealed record DisplayNameBody(string? Name);

// Optional fields have a default, so the OpenAPI document does not list them as required.
public sealed record InboundBody(
    string? Customer, string? MessageId, DateTimeOffset? Timestamp, string? UserId = null, string? Kind = null, string? EntryPoint = null);

public sealed record PermitBody(
    string? Customer, string? Type, string? MessageId, string? UserId = null, TemplateRefBody? Template = null, string? Category = null);

/// <summary><c>POST …/numbers/{phone}/permits/batch</c>: permit bodies as the single call takes them (a null entry is answered with its own problem).</summary>
public sealed record PermitBatchBody(IReadOnlyList<PermitBody>? Permits);

/// <summary>The template a permit names: its name and language as registered with Meta.</summary>
public sealed record TemplateRefBody(string? Name, string? Language);

/// <summary><c>PUT …/templates/{name}/{language}</c>: the registry's entry becomes exactly this.</summary>
public sealed record TemplateBody(string? Status, string? Category = null, DateTimeOffset? PausedUntil = null);

/// <summary><c>POST …/numbers/{phone}/outcomes</c>: Meta's verdict on an earlier send.</summary>
public sealed record OutcomeBody(
    string? MessageId, string? Customer, string? Status, string? UserId = null, int? ErrorCode = null, DateTimeOffset? Timestamp = null);

public sealed record ClockAdvanceBody(string? By);

public sealed record ClockView(DateTimeOffset Now);

public sealed record SimulatedCodeView(string Code);
