using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Messaging;
using WabaActors.Contracts.Numbers;
using WabaActors.Contracts.Templates;
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
        ("Messaging", "The messaging pipeline's calls: inbound messages, a permit before every send, Meta's verdicts on earlier sends, windows, template recipients."),
        ("Templates", "The account's template registry: each template's category and status, which permits naming it are decided on."),
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
            ["MessageKind"] = (MessagingInput.Types.Keys.ToList(), "The kind of message a permit is asked for."),
            ["InboundKind"] = (MessagingInput.Kinds.Keys.ToList(), "What the customer did: `message` (the default) or `call` (a call the customer started); both open or reset the window."),
            ["EntryPoint"] = (MessagingInput.EntryPoints.Keys.ToList(), "A free entry point the customer came through: `ctwa` (a click-to-WhatsApp ad) or `page_cta` (a Facebook page's " +
                "call-to-action button); left out when none. It changes the pricing of later decisions only, never whether a send is allowed."),
            ["DenialReason"] = (Snake<DenialReason>(), "Why a permit was denied (docs/errors.md § Denial reasons; new values may be added)."),
            ["ReviewDecision"] = (Snake<ReviewDecision>(), "An operator's review decision."),
            ["TemplateCategory"] = (TemplateInput.Categories.Keys.ToList(), "A template's category as Meta prices and limits it."),
            ["TemplateStatus"] = (TemplateInput.Statuses.Keys.ToList(), "A template's status in the account's registry: `approved` and `flagged` send, `paused` waits for the pause's end, any other is not approved."),
            ["PricingCategory"] = (Snake<PricingCategory>(), "What Meta will price an allowed send as: `service` for a session message, a template's category, or `unknown` (a template of unknown category, billable)."),
            ["FreeReason"] = (Snake<FreeReason>(), "Why an allowed send is free; null when it is billable."),
            ["OutcomeStatus"] = (OutcomeInput.Statuses.Keys.ToList(), "The status Meta gave a send."),
            ["OutcomeEffect"] = (Snake<OutcomeEffect>(), "What a verdict changed: `none`, `duplicate` (applied before), `window_closed` (131047), `marketing_limited` (131049), " +
                "`marketing_opted_out` (131050 or a stop), `marketing_resumed` (a resume)."),
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
        (nameof(InboundBody), "kind", "InboundKind", false),
        (nameof(InboundBody), "entryPoint", "EntryPoint", false),
        (nameof(PermitDecision), "reason", "DenialReason", false),
        (nameof(ShadowDenial), "reason", "DenialReason", false),
        (nameof(ReviewDecisionRequest), "decision", "ReviewDecision", false),
        (nameof(PermitBody), "category", "TemplateCategory", false),
        (nameof(TemplateBody), "category", "TemplateCategory", false),
        (nameof(TemplateBody), "status", "TemplateStatus", false),
        (nameof(TemplateView), "category", "TemplateCategory", false),
        (nameof(TemplateView), "status", "TemplateStatus", false),
        (nameof(Pricing), "category", "PricingCategory", false),
        (nameof(Pricing), "free", "FreeReason", false),
        (nameof(OutcomeBody), "status", "OutcomeStatus", false),
        (nameof(OutcomeResult), "effect", "OutcomeEffect", false),
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
        (nameof(InboundBody), "customer", s => Customer(s, BodyCustomerPattern, "The customer: a phone (6–15 digits, a leading + allowed) or a BSUID.")),
        (nameof(InboundBody), "userId", s => Customer(s, BsuidPattern, UserIdDescription)),
        (nameof(PermitBody), "customer", s => Customer(s, BodyCustomerPattern, "The recipient: a phone (6–15 digits, a leading + allowed) or a BSUID.")),
        (nameof(PermitBody), "userId", s => Customer(s, BsuidPattern, UserIdDescription)),
        (nameof(OutcomeBody), "customer", s => Customer(s, BodyCustomerPattern, "The recipient of the send: a phone (6–15 digits, a leading + allowed) or a BSUID.")),
        (nameof(OutcomeBody), "userId", s => Customer(s, BsuidPattern, UserIdDescription)),
        (nameof(OutcomeBody), "errorCode", s => (s.Minimum, s.Description) = ("1", "Meta's error code of a failed send (131047, 131049, 131050 teach the gate; others change nothing).")),
        (nameof(TemplateRefBody), "name", s => TemplateNamePattern(s)),
        (nameof(TemplateRefBody), "language", s => TemplateLanguagePattern(s)),
        (nameof(PermitBatchBody), "permits", s => (s.MinItems, s.Description) = (1, "1 to WabaActors:Grains:PermitBatchLimit (100 by default) permit bodies, as the single permit call takes them.")),
        (nameof(PermitBatchView), "decisions", s => (s.Items, s.Description) = (new OpenApiSchemaReference(BatchEntrySchema), "Per permit, in the order asked: its decision, or its problem (the single call's answer).")),
    ];

    /// <summary>A template's name as Meta names it (the domain's <c>TemplateName</c>).</summary>
    private static void TemplateNamePattern(OpenApiSchema schema) =>
        (schema.Pattern, schema.MinLength, schema.MaxLength) = ("^[a-z0-9_]+$", 1, Domain.Templates.TemplateName.MaxNameLength);

    /// <summary>A template's language code: <c>en</c>, <c>en_US</c>, <c>zh_Hant_HK</c>.</summary>
    private static void TemplateLanguagePattern(OpenApiSchema schema) => schema.Pattern = "^[a-z]{2,3}(_[A-Za-z]{2,4}){0,2}$";

    /// <summary>A BSUID: two capital letters, a dot, optionally <c>ENT.</c> (a parent), then 1–256 letters or digits (CustomerIdentity).</summary>
    private const string Bsuid = @"[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,256}";

    private const string BsuidPattern = "^" + Bsuid + "$";

    private const string BodyCustomerPattern = @"^(\+?[1-9][0-9]{5,14}|" + Bsuid + ")$";

    /// <summary>In a path a phone has no <c>+</c>.</summary>
    private const string PathCustomerPattern = "^([1-9][0-9]{5,14}|" + Bsuid + ")$";

    /// <summary>The longest customer: a parent BSUID with the longest body.</summary>
    private const int CustomerMaxLength = 7 + Domain.Identity.CustomerIdentity.MaxBodyLength;

    private const string UserIdDescription = "The same person's BSUID beside a phone customer (optional): links the two ids, so that a window opened " +
        "under either is open under both and a template recipient is counted once (docs/api.md § Customers are people).";

    /// <summary>Path parameters the document says more of than their type (the host checks them itself, with a 400 naming them).</summary>
    private static readonly (string Parameter, Action<OpenApiSchema> Refine, string Description)[] ParameterRefinements =
    [
        ("customer", s => Customer(s, PathCustomerPattern, null), "The customer: a phone's digits (no '+') or a BSUID such as US.13491208655302741918, taken exactly as written."),
        ("name", TemplateNamePattern, "The template's name as registered with Meta: lower-case letters, digits and underscores."),
        ("language", TemplateLanguagePattern, "The template's language code as registered with Meta: en, en_US, zh_Hant_HK."),
    ];

    private static void Customer(OpenApiSchema schema, string pattern, string? description)
    {
        (schema.Pattern, schema.MinLength, schema.MaxLength) = (pattern, 4, CustomerMaxLength);
        schema.Description = description ?? schema.Description;
    }

    /// <summary>Answer properties that are never null, though the exporter cannot tell (computed properties).</summary>
    private static readonly (string Component, string Property)[] NeverNull =
    [
        (nameof(NumberWithWarnings), "phone"),
        (nameof(NumberWithWarnings), "status"),
        (nameof(PermitDecision), "shadow"),
    ];

    /// <summary>Answer properties left out of the JSON where they do not apply, rather than written null: not required (and never null, above).</summary>
    private static readonly (string Component, string Property)[] LeftOut =
    [
        (nameof(PermitDecision), "shadow"),
    ];

    private static readonly string[] Dropped = ["ProblemDetails", "HttpValidationProblemDetails", "JsonElement"];
}
