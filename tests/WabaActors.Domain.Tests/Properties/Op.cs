using System.Globalization;

namespace WabaActors.Domain.Tests.Properties;

/// <summary>
/// One generated step: advance the clock, then act. <see cref="Offset"/> is the inbound timestamp
/// relative to now, or how long before now a close happened; <see cref="Pick"/> and
/// <see cref="Vary"/> choose which earlier message id a retry reuses, and how.
/// </summary>
public sealed record Op(OpKind Kind, TimeSpan Advance, int Customer, TimeSpan Offset = default, int Pick = 0, int Vary = 0)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"+{Advance.Ticks}t {Kind} c{Customer}{Kind switch
        {
            OpKind.Inbound => $" ts{(Offset < TimeSpan.Zero ? "" : "+")}{Offset.Ticks}t",
            OpKind.Close => $" at-{Offset.Ticks}t",
            OpKind.Retry => $" pick{Pick} vary{Vary}",
            _ => "",
        }}");
}
