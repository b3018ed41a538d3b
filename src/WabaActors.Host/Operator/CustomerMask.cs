namespace WabaActors.Host.Operator;

/// <summary>
/// A customer id (a phone or a BSUID: personal data) as the operator page shows it: its last four characters behind
/// a fixed mask, so rows can be told apart and matched with a known customer but the id is never handed out.
/// </summary>
public static class CustomerMask
{
    /// <summary>How many trailing characters stay visible.</summary>
    public const int Visible = 4;

    /// <summary>What stands for the hidden characters, whatever their number.</summary>
    public const string Mask = "•••";

    /// <summary><c>46700001234</c> ⇒ <c>•••1234</c>; an id of four characters or fewer is hidden whole.</summary>
    public static string Of(string customer) =>
        customer.Length <= Visible ? Mask : Mask + customer[^Visible..];
}
