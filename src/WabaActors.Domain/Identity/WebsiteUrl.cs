using WabaActors.Domain.Common;

namespace WabaActors.Domain.Identity;

/// <summary>A company website: an absolute http(s) address with a dotted host, at most 256 characters.</summary>
public readonly record struct WebsiteUrl
{
    private WebsiteUrl(string value) => Value = value;

    public string Value { get; }

    public static Result<WebsiteUrl> Parse(string? input)
    {
        var value = input?.Trim();
        var ok = value is { Length: <= Text.MaxShort }
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Contains('.', StringComparison.Ordinal);
        return ok
            ? new WebsiteUrl(value!)
            : DomainError.Invalid("website", "website must be an absolute http(s) address such as https://example.com.");
    }

    public override string ToString() => Value;
}
