using System.Text.Json.Nodes;

namespace WabaActors.Api.Tests.Support;

/// <summary>
/// A POST or PUT of docs/api.md: where it goes for an account, and a valid body to derive hostile ones
/// from. <see cref="ReadsBody"/> is false for the calls whose body is <c>{}</c> (the host ignores it).
/// </summary>
public sealed record Endpoint(string Name, HttpMethod Method, Func<TestAccount, string> Path, Func<Task<JsonObject>> ValidBody, params Field[] Fields)
{
    public bool ReadsBody => Fields.Length > 0;

    /// <summary>The body is optional: an empty one or JSON null is a valid request.</summary>
    public bool BodyOptional { get; init; }

    public bool HasPhone { get; init; }

    public bool HasAccount { get; init; } = true;

    public static IReadOnlyList<Endpoint> All(ApiClient api)
    {
        static Task<JsonObject> Body(object value) => Task.FromResult(JsonSerializerNodes.From(value));
        var post = HttpMethod.Post;
        return
        [
            new("PutAccount", HttpMethod.Put, a => a.Path, () => Body(new { name = "Acme" }), new Field("name", FieldKind.Text, Required: false)) { BodyOptional = true },
            new("SubmitUserAccount", post, a => a.Path + "/onboarding/user-account", () => Body(Onboarding.Email), new Field("email", FieldKind.Text)),
            new("ConfirmUserAccount", post, a => a.Path + "/onboarding/user-account/confirmation", () => Body(new { })),
            new("SubmitBusinessManager", post, a => a.Path + "/onboarding/business-manager", () => Body(Onboarding.BusinessManager),
                new Field("businessManagerId", FieldKind.Text), new Field("isAdmin", FieldKind.Bool),
                new Field("officialName", FieldKind.Text), new Field("website", FieldKind.Text)),
            new("SubmitCompanyProfile", post, a => a.Path + "/onboarding/company-profile", () => Body(Onboarding.CompanyProfile),
                new Field("officialName", FieldKind.Text), new Field("industryCategory", FieldKind.Text), new Field("description", FieldKind.Text)),
            new("AddNumber", post, a => a.Path + "/numbers", () => Body(Onboarding.Sms(Ids.Phone())),
                new Field("phoneNumber", FieldKind.Text), new Field("verificationMethod", FieldKind.Text),
                new Field("inUseInWhatsAppApp", FieldKind.Bool), new Field("ivrDisabled", FieldKind.Bool, Required: false)),
            new("ResendVerificationCode", post, a => a.Number + "/verification-code", () => Body(new { })) { HasPhone = true },
            new("VerifyNumber", post, a => a.Number + "/verification", () => Body(new { code = "123456" }), new Field("code", FieldKind.Text)) { HasPhone = true },
            new("DecideCommercePolicyReview", post, a => a.Path + "/reviews/commerce-policy", () => Body(new { decision = "approved", reason = "Fine." }),
                new Field("decision", FieldKind.Text), new Field("reason", FieldKind.Text, Required: false)),
            new("SetBusinessVerification", post, a => a.Path + "/business-verification", () => Body(new { status = "verified" }), new Field("status", FieldKind.Text)),
            new("SetDisplayName", HttpMethod.Put, a => a.Number + "/display-name", () => Body(new { name = "Acme Garden" }), new Field("name", FieldKind.Text)) { HasPhone = true },
            new("DecideDisplayNameReview", post, a => a.Number + "/display-name/review", () => Body(new { decision = "approved", reason = "Fine." }),
                new Field("decision", FieldKind.Text), new Field("reason", FieldKind.Text, Required: false)) { HasPhone = true },
            new("RecordInbound", post, a => a.Number + "/inbound",
                async () => JsonSerializerNodes.From(new { customer = Ids.Customer(), messageId = Ids.MessageId(), timestamp = Json.Iso(await api.Now()) }),
                new Field("customer", FieldKind.Text), new Field("messageId", FieldKind.Text) { BlankAllowed = true }, new Field("timestamp", FieldKind.Instant),
                new Field("userId", FieldKind.Text, Required: false), new Field("kind", FieldKind.Text, Required: false), new Field("entryPoint", FieldKind.Text, Required: false)) { HasPhone = true },
            new("RequestPermit", post, a => a.Number + "/permits", () => Body(new { customer = Ids.Customer(), type = "template", messageId = Ids.MessageId() }),
                new Field("customer", FieldKind.Text), new Field("type", FieldKind.Text), new Field("messageId", FieldKind.Text) { BlankAllowed = true },
                new Field("userId", FieldKind.Text, Required: false)) { HasPhone = true },
            new("AdvanceClock", post, _ => "/v1/admin/clock/advance", () => Body(new { by = "PT0S" }), new Field("by", FieldKind.Text)) { HasAccount = false },
        ];
    }
}
