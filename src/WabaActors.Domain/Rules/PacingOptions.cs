using WabaActors.Domain.Pacing;

namespace WabaActors.Domain.Rules;

/// <summary><c>WabaActors:Pacing</c>: Meta's send rates; each knob unset keeps the profile's value (on under <c>meta</c>, off under <c>document</c>).</summary>
public sealed class PacingOptions
{
    public const string Section = "WabaActors:Pacing";

    public bool? Enabled { get; set; }
    public int? MessagesPerSecond { get; set; }
    public int? UpgradedMessagesPerSecond { get; set; }
    public TimeSpan? PairInterval { get; set; }
    public int? PairBurst { get; set; }

    public PacingRules Apply(PacingRules profile) => new(
        Enabled ?? profile.Enabled,
        MessagesPerSecond ?? profile.MessagesPerSecond,
        UpgradedMessagesPerSecond ?? profile.UpgradedMessagesPerSecond,
        PairInterval ?? profile.PairInterval,
        PairBurst ?? profile.PairBurst);
}
