namespace WabaActors.Client;

/// <summary>The kind of an outgoing message.</summary>
public enum MessageKind
{
    /// <summary>A free-form message: allowed only inside the customer-service window.</summary>
    Session,

    /// <summary>A template message: counts toward the rolling unique-recipient limit when it starts a conversation.</summary>
    Template,
}
