namespace WabaActors.Api.Tests.Support;

/// <summary>
/// One hostile request. <see cref="Strict"/>: the host must refuse it (a 4xx problem, <see cref="Status"/> if
/// given); otherwise the input is ignored by the call and only a 5xx or a non-problem error is a failure.
/// </summary>
public sealed record FuzzCase(string Label, HttpMethod Method, string Path, byte[]? Body, string? ContentType, bool Strict, int? Status = null)
{
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Kestrel refuses it before the API runs (a NUL in the path, a request line over the limit): a bare 4xx, no problem body.</summary>
    public bool KestrelRefuses { get; init; }
}
