namespace WabaActors.Gateway.Dialog360;

/// <summary>
/// The Partner API paths, relative to <see cref="Dialog360Options.BaseUrl"/>, in one place (ADR 0010 lists
/// them with the replies the adapter expects). The number is the E.164 digits without '+'.
/// </summary>
internal static class Dialog360Paths
{
    public static string RequestCode(string partner, string phone) => $"{Number(partner, phone)}/request_code";

    public static string VerifyCode(string partner, string phone) => $"{Number(partner, phone)}/verify_code";

    public static string Register(string partner, string phone) => $"{Number(partner, phone)}/register";

    /// <summary>The partner's channels filtered to the one of <paramref name="phone"/>.</summary>
    public static string Channel(string partner, string phone) =>
        $"partners/{Uri.EscapeDataString(partner)}/channels?filters=" +
        Uri.EscapeDataString($$"""{"setup_info.phone_number":"{{phone}}"}""");

    private static string Number(string partner, string phone) =>
        $"partners/{Uri.EscapeDataString(partner)}/phone_numbers/{Uri.EscapeDataString(phone)}";
}
