using System.Text.Json.Serialization;
using WabaActors.Contracts.Common;

namespace WabaActors.Contracts.Messaging;

/// <summary>The kind of an outgoing message (the HTTP contract's <c>type</c>: <c>session</c> or <c>template</c>).</summary>
[GenerateSerializer, Alias("waba.MessageKind")]
[JsonConverter(typeof(SnakeCaseEnumConverter<MessageKind>))]
public enum MessageKind
{
    /// <summary>A free-form message: allowed only inside the customer-service window.</summary>
    Session,

    /// <summary>A template message: counts toward the rolling unique-recipient limit when it starts a conversation.</summary>
    Template,
}
