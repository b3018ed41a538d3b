namespace WabaActors.Domain.Tests.Properties;

public enum OpKind
{
    /// <summary>A customer's message (webhook), its timestamp near now.</summary>
    Inbound,

    /// <summary>A template permit with a new message id.</summary>
    Template,

    /// <summary>A session permit with a new message id.</summary>
    Session,

    /// <summary>Meta's 131047 for the customer, at an instant up to 30 h ago.</summary>
    Close,

    /// <summary>An earlier permit's message id again: same request, or another customer or type.</summary>
    Retry,
}
