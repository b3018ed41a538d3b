namespace WabaActors.Domain.Messaging;

public enum MessageType
{
    /// <summary>Free-form: only inside the customer-service window.</summary>
    Session,

    /// <summary>A template message: may start a conversation; counts toward the recipient limit.</summary>
    Template,
}
