namespace WabaActors.Api.Tests.Support;

/// <summary>One request a client should never send, and what the host must answer (null: any 4xx problem).</summary>
public sealed record HostileRequest(string Label, byte[]? Body, string? ContentType, int? Status = null, string? Code = null);
