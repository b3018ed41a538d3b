namespace WabaActors.Api.Tests.Support;

/// <summary>A body field of a call: its JSON kind and whether the call may omit it.</summary>
public sealed record Field(string Name, FieldKind Kind, bool Required = true)
{
    /// <summary>An opaque id (<c>messageId</c>: 1–256 characters, no control characters) may be blank.</summary>
    public bool BlankAllowed { get; init; }
}
