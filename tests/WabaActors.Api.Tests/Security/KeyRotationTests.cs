using System.Net;
using WabaActors.Api.Tests.Support;

namespace WabaActors.Api.Tests;

/// <summary>
/// docs/operations.md "Rotating keys and secrets" (ADR 0026): API keys follow the secrets file while the
/// host runs — a new key works at once, the old one until it is removed, an invalid file changes nothing.
/// </summary>
public class KeyRotationTests
{
    private const string Tenant = "rot-acme";
    private const string Other = "rot-other";
    private const string Operator = "rot-operator-key-81c4d0e2";
    private const string Old = "rot-old-key-2b7e91f04c3a";
    private const string New = "rot-new-key-6d0a3f5e18b7";

    private static readonly string Account = $"/v1/tenants/{Tenant}/accounts/{Ids.Waba()}";
    private static readonly string OtherAccount = $"/v1/tenants/{Other}/accounts/{Ids.Waba()}";

    [Fact]
    public async Task NewKeyWorksWithoutRestartAndTheOldOneUntilItIsRemoved()
    {
        using var secrets = new SecretsFile(SecretsFile.ApiKeys((Operator, "*"), (Old, Tenant)));
        await using var host = await StartAsync(secrets);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, Old, Account));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, New, Account));

        // Step 1: the new key beside the old one.
        secrets.Write(SecretsFile.ApiKeys((Operator, "*"), (Old, Tenant), (New, Tenant)));
        await UntilAsync(host, New, Account, HttpStatusCode.NotFound, "the new key was not accepted after the file changed");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, Old, Account));

        // Step 3: the old key removed.
        secrets.Write(SecretsFile.ApiKeys((Operator, "*"), (New, Tenant)));
        await UntilAsync(host, Old, Account, HttpStatusCode.Unauthorized, "the removed key was still accepted");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, New, Account));
        Assert.Contains(host.Logs.Lines, l => l.Contains("[203] Configuration section Auth reloaded, applied from the next call: 1 tenant key(s), 1 operator key(s)", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(Old, StringComparison.Ordinal) || l.Contains(New, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyMovedToAnotherTenantReachesThatTenantOnly()
    {
        using var secrets = new SecretsFile(SecretsFile.ApiKeys((Operator, "*"), (Old, Tenant)));
        await using var host = await StartAsync(secrets);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, Old, OtherAccount));

        secrets.Write(SecretsFile.ApiKeys((Operator, "*"), (Old, Other)));

        await UntilAsync(host, Old, OtherAccount, HttpStatusCode.NotFound, "the key did not reach its new tenant");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(host, Old, Account));
    }

    public static TheoryData<string, object> InvalidFiles => new()
    {
        { "Auth:ApiKeys:2:Key repeats an earlier key", SecretsFile.ApiKeys((Operator, "*"), (Old, Tenant), (Old, Other), (New, Tenant)) },
        { "Auth:ApiKeys:2:Tenant must be a tenant id", SecretsFile.ApiKeys((Operator, "*"), (Old, Tenant), (New, "Not A Tenant")) },
        { "Auth:ApiKeys is now empty", SecretsFile.ApiKeys() },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task InvalidChangeKeepsTheLastGoodKeysAndIsLoggedWithoutAKey(string failure, object invalid)
    {
        using var secrets = new SecretsFile(SecretsFile.ApiKeys((Operator, "*"), (Old, Tenant)));
        await using var host = await StartAsync(secrets);

        secrets.Write(invalid);

        var rejected = await Eventually.GetAsync(
            () => Task.FromResult(host.Logs.Lines.FirstOrDefault(l => l.Contains("[204]", StringComparison.Ordinal))),
            line => line is not null, "the invalid change was not logged") ?? "";
        Assert.StartsWith("Error ", rejected, StringComparison.Ordinal);
        Assert.Contains(failure, rejected, StringComparison.Ordinal);
        Assert.DoesNotContain(Old, rejected, StringComparison.Ordinal);
        Assert.DoesNotContain(New, rejected, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(host, Old, Account));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, New, Account));

        // Fixed, the file applies again.
        secrets.Write(SecretsFile.ApiKeys((Operator, "*"), (New, Tenant)));
        await UntilAsync(host, New, Account, HttpStatusCode.NotFound, "the fixed file did not apply");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, Old, Account));
    }

    private static async Task<RunningHost> StartAsync(SecretsFile secrets)
    {
        var host = RunningHost.Start(secrets);
        await Eventually.Until(async () => await StatusAsync(host, Operator, "/health/ready") == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the silo did not become ready");
        return host;
    }

    private static async Task<HttpStatusCode> StatusAsync(RunningHost host, string key, string path)
    {
        using var http = host.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    private static Task UntilAsync(RunningHost host, string key, string path, HttpStatusCode status, string what) =>
        Eventually.Until(async () => await StatusAsync(host, key, path) == status, TimeSpan.FromSeconds(30), what);
}
