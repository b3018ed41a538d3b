using System.Text.Json;
using System.Text.Json.Serialization;

namespace WabaActors.Contracts.Common;

/// <summary>Writes and reads an enum of the contract as the lower snake case of its names (<c>template_recipient_limit_reached</c>).</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
