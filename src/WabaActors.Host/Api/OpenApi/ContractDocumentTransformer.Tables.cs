using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Numbers;
using WabaActors.Domain.Common;
using WabaActors.Domain.Events;
using WabaActors.Domain.Numbers;
using WabaActors.Domain.Onboarding;

namespace WabaActors.Host.Api.OpenApi;

/// <summary>The tables the document is refined from: tags, closed sets and where they are used, refinements.</summary>
internal sealed partial class ContractDocumentTransformer
{
    public const string ErrorCodeSchema = "ErrorCode";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Accounts and onboarding", "An account per WABA, its four onboarding steps, and its history."),
        ("Numbers", "A number's verification code and display name."),
        ("Reviews and verification", "Operator decisions: the commerce-policy and display-name reviews, business verification (operator key)."),
        ("Messaging", "The messaging pipeline's calls: inbound messages, a permit before every send, windows, template recipients."),
        ("Webhooks", "Meta's and 360dialog's signed webhook deliveries (no API key: an HMAC signature or the verify token)."),
        ("Admin (simulation)", "The simulated clock and gateway for tests and demos; mapped only when configured (operator key)."),
    ];

    /// <summary>The closed sets of the contract, each a named string enum, from its C# source.</summary>
    public static IReadOnlyDictionary<string, (IReadOnlyList<string> Values, string Description)> Sets { get; } =
        new Dictionary<string, (IReadOnlyList<string>, string)>(StringComparer.Ordinal)
        {
            ["AccountStatus"] = (Snake<AccountStatus>(), "The account's lifecycle state."),
            ["StepStatus"] = (Snake<StepStatus>(), "An onboarding step's state."),
            ["ReviewStatus"] = (Snake<ReviewStatus>(), "A review's state (the review itself is null before it is requested)."),
            ["DisplayNameStatus"] = (["none", .. Snake<ReviewStatus>()], "The display-name review's state; `none` before a name is submitted."),
            ["BusinessVerificationStatus"] = (Snake<BusinessVerificationStatus>(), "Meta's business verification of the company."),
            ["BusinessVerificationDecision"] = (Snake<BusinessVerificationStatus>().Where(s => s != "not_started").ToList(), "An operator's business-verification status."),
            ["HoldReason"] = (Snake<HoldReason>(), "Why some or all sends are denied (new values may be added: treat an unknown one as other)."),
            ["NumberStatus"] = (Snake<NumberStatus>(), "A number's registration state."),
            ["VerificationMethod"] = (Snake<VerificationMethod>(), "How the verification code is delivered."),
            ["NumberWarning"] = (Constants(typeof(NumberWarnings)), "A warning that does not refuse the request but that the user should see."),
            ["EventType"] = (Constants(typeof(AccountEventTypes)), "A history entry's type (new values may be added: treat an unknown one as other)."),
            ["MessageKind"] = (Snake<MessageKind>(), "The kind of message a permit is asked for."),
            ["DenialReason"] = (Snake<DenialReason>(), "Why a permit was denied (docs/errors.md § Denial reasons; new values may be added)."),
            ["ReviewDecision"] = (Snake<ReviewDecision>(), "An operator's review decision."),
            ["IndustryCategory"] = (IndustryCategory.All, "The company's industry (Meta's business verticals)."),
            [ErrorCodeSchema] = (ErrorCatalog.All.Select(e => e.Code).ToList(), "The stable error code of a problem (docs/errors.md; new values may be added)."),
        };

    /// <summary>Which property of which component takes which closed set (an entry that matches nothing fails the document).</summary>
    private static readonly (string Component, string Property, string Set, bool Items)[] Uses =
    [
        (nameof(AccountView), "status", "AccountStatus", false),
        (nameof(StepView), "status", "StepStatus", false),
        (nameof(ReviewView), "status", "ReviewStatus", false),
        (nameof(DisplayNameView), "status", "DisplayNameStatus", false),
        (nameof(BusinessVerificationView), "status", "BusinessVerificationStatus", false),
        (nameof(BusinessVerificationBody), "status", "BusinessVerificationDecision", false),
        (nameof(HoldView), "reason", "HoldReason", false),
        (nameof(NumberView), "status", "NumberStatus", false),
        (nameof(NumberWithWarnings), "status", "NumberStatus", false),
        (nameof(NumberWithWarnings), "warnings", "NumberWarning", true),
        (nameof(VerificationView), "method", "VerificationMethod", false),
        (nameof(AddNumberBody), "verificationMethod", "VerificationMethod", false),
        (nameof(EventView), "type", "EventType", false),
        (nameof(PermitBody), "type", "MessageKind", false),
        (nameof(PermitDecision), "reason", "DenialReason", false),
        (nameof(ReviewDecisionRequest), "decision", "ReviewDecision", false),
        (nameof(CompanyProfileRequest), "industryCategory", "IndustryCategory", false),
    ];

    /// <summary>What the document says of some values beyond their type (the host still checks them itself, with a 400 naming the field).</summary>
    private static readonly (string Component, string Property, Action<OpenApiSchema> Refine)[] Refinements =
    [
        (nameof(EmailBody), "email", s => s.Format = "email"),
        (nameof(BusinessManagerRequest), "website", s => s.Format = "uri"),
        (nameof(VerificationBody), "code", s => s.Pattern = "^[0-9]{6}$"),
        (nameof(StepView), "step", s => (s.Minimum, s.Maximum) = ("1", "4")),
        (nameof(OnboardingView), "step", s => (s.Minimum, s.Maximum) = ("1", "4")),
    ];

    /// <summary>Answer properties that are never null, though the exporter cannot tell (computed properties).</summary>
    private static readonly (string Component, string Property)[] NeverNull =
    [
        (nameof(NumberWithWarnings), "phone"),
        (nameof(NumberWithWarnings), "status"),
    ];

    private static readonly string[] Dropped = ["ProblemDetails", "HttpValidationProblemDetails", "JsonElement"];
}
