using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;
using WabaActors.Domain.Templates;

namespace WabaActors.Domain.Messaging;

/// <summary>One permit asked of a number: the message id (the idempotency key), the customer, and the message type.</summary>
public readonly record struct PermitAsk(MessageId Id, CustomerIdentity Customer, MessageType Type)
{
    /// <summary>The template a template permit names, if any: decided on its status in the account's registry.</summary>
    public TemplateName? Template { get; init; }

    /// <summary>The template's category as the caller gave it; the registry's wins.</summary>
    public TemplateCategory? Category { get; init; }

    /// <summary>The ask, or null when any part is invalid (parsed directly: the hot path builds no validator).</summary>
    public static PermitAsk? Of(string? customer, string? messageId, MessageType? type)
    {
        var parsedCustomer = CustomerIdentity.Parse(customer);
        var parsedId = MessageId.Parse(messageId);
        return parsedCustomer.IsSuccess && parsedId.IsSuccess && type is { } t ? new PermitAsk(parsedId.Value, parsedCustomer.Value, t) : null;
    }

    /// <summary>
    /// Every error of an invalid ask, each named by its field (the slow path); <paramref name="type"/> null when
    /// unknown; <paramref name="userId"/>, when given, must be a BSUID beside a phone customer; a named
    /// <paramref name="template"/> is checked as <c>template.name</c> / <c>template.language</c>, and
    /// <paramref name="categoryUnknown"/> names a category that is not one of Meta's.
    /// </summary>
    public static DomainError Invalid(string? customer, string? messageId, MessageType? type, string? userId = null,
        (string? Name, string? Language)? template = null, bool categoryUnknown = false)
    {
        var v = new Validator();
        var parsedCustomer = CustomerIdentity.Parse(customer);
        var userIdError = userId is null ? null : CustomerIdentity.ParseUserId(userId, parsedCustomer.IsSuccess ? parsedCustomer.Value.IsPhone : null).Error;
        foreach (var error in new[] { parsedCustomer.Error, MessageId.Parse(messageId).Error, userIdError }.OfType<DomainError>())
        {
            v.Add(error.Errors!.Keys.First(), error.Message);
        }

        v.Check(type is not null, "type", "type must be 'session' or 'template'.");
        if (template is { } named)
        {
            TemplateName.Check(v, named.Name, named.Language, "template.");
        }

        v.Check(!categoryUnknown, "category", "category must be marketing, utility or authentication.");
        return v.ToError();
    }
}
