namespace WabaActors.Host.Security;

/// <summary>
/// Endpoint metadata for pages a browser opens by navigation (the Orleans Dashboard), which cannot
/// send a Bearer header: the key may also come as the password of HTTP Basic (any user name), and a
/// missing key is challenged with <c>Basic</c> so that the browser asks for it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class BrowserKeyAttribute : Attribute
{
    public const string Challenge = "Basic realm=\"WabaActors operator\", charset=\"UTF-8\"";
}
