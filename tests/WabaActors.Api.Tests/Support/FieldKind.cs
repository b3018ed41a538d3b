namespace WabaActors.Api.Tests.Support;

/// <summary>The JSON kind of a body field, which decides the wrong values sent for it.</summary>
public enum FieldKind
{
    Text,
    Bool,
    Instant,
}
