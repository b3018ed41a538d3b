using System.Text;

namespace WabaActors.Domain.Common;

/// <summary>Enum names as the contract writes them: <c>AwaitingEmailConfirmation</c> ⇒ <c>awaiting_email_confirmation</c>.</summary>
public static class SnakeCase
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value.ToString());

    public static string Of(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
