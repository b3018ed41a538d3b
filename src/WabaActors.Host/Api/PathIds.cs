using WabaActors.Domain.Common;
using WabaActors.Domain.Identity;

namespace WabaActors.Host.Api;

/// <summary>The ids in a path, checked before any grain is touched; a malformed one is a 400 naming it.</summary>
public static class PathIds
{
    public static IResult? Check(string tenant, string waba) =>
        First(TenantId.Parse(tenant).Error, WabaId.Parse(waba).Error);

    public static IResult? Check(string tenant, string waba, string phone) =>
        Problem(TenantId.Parse(tenant).Error ?? WabaId.Parse(waba).Error ?? PhoneIn(phone));

    public static IResult? CheckPhone(string phone) => First(PhoneIn(phone));

    /// <summary>A customer in a path is a phone's digits (no '+') or a BSUID (docs/api.md "Customers are people").</summary>
    public static IResult? CheckCustomer(string customer) =>
        First(customer.StartsWith('+')
            ? DomainError.Invalid("customer", "customer in a path is a WhatsApp user id without '+' (6–15 digits) or a business-scoped user id such as US.13491208655302741918.")
            : CustomerIdentity.Parse(customer, "customer").Error);

    /// <summary>In paths the phone has no '+': E.164 digits only.</summary>
    private static DomainError? PhoneIn(string phone) =>
        phone.StartsWith('+') ? DomainError.Invalid("phone", "phone in a path is the E.164 number without '+'.") : PhoneNumber.Parse(phone, "phone").Error;

    private static IResult? First(params DomainError?[] errors) => Problem(errors.FirstOrDefault(e => e is not null));

    // Every permit checks its path: the first error without an array or a closure.
    private static IResult? Problem(DomainError? error) =>
        error is null ? null : Problems.Validation(error.Errors!.Keys.First(), error.Message);
}
