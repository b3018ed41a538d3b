namespace WabaActors.Grains.Telemetry;

/// <summary>What happened to a link between a customer's ids (the <c>waba.customer.links</c> metric's <c>event</c> tag).</summary>
public enum LinkEvent
{
    /// <summary>A number taught its scope's directory a link it saw (durable there before the number answered).</summary>
    Taught,

    /// <summary>A number asked its scope's directory for a customer's other ids.</summary>
    LookedUp,

    /// <summary>A directory wrote a new (or refreshed) link.</summary>
    Learned,
}
