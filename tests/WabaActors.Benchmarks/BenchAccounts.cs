using System.Globalization;
using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Contracts.Common;
using WabaActors.Contracts.Numbers;

namespace WabaActors.Benchmarks;

/// <summary>
/// Accounts onboarded through the grains as the HTTP API drives them: steps 1–3, then numbers added
/// and (optionally) registered with the code the simulated gateway sent. Number n of a set is
/// <c>{prefix}{n:D8}</c> and belongs to account n / <see cref="NumbersPerAccount"/>.
/// </summary>
public sealed class BenchAccounts
{
    /// <summary>The document's number limit before business verification.</summary>
    public const int NumbersPerAccount = 2;

    private const string Tenant = "bench";

    private BenchAccounts(string[] phones, Scope[] scopes, INumberGrain[] numbers) => (Phones, Scopes, Numbers) = (phones, scopes, numbers);

    public string[] Phones { get; }

    /// <summary>The owner of each number, as every call to it must name.</summary>
    public Scope[] Scopes { get; }

    public INumberGrain[] Numbers { get; }

    public int Count => Phones.Length;

    /// <summary>Onboards numbers / 2 accounts named <c>{name}-{a}</c>, 64 at a time.</summary>
    public static async Task<BenchAccounts> OnboardAsync(IGrainFactory grains, string name, string phonePrefix, int numbers, bool register = true)
    {
        var phones = new string[numbers];
        var scopes = new Scope[numbers];
        var refs = new INumberGrain[numbers];
        var accounts = (numbers + NumbersPerAccount - 1) / NumbersPerAccount;
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (a, _) =>
        {
            var scope = new Scope(Tenant, string.Create(CultureInfo.InvariantCulture, $"{name}-{a}"));
            var account = grains.GetGrain<IAccountGrain>(scope.Waba);
            Ok(await account.CreateAsync(Tenant, "Bench"));
            Ok(await account.SubmitEmailAsync(Tenant, "ops@bench.example"));
            Ok(await account.ConfirmEmailAsync(Tenant));
            Ok(await account.SubmitBusinessManagerAsync(Tenant,
                new BusinessManagerRequest(string.Create(CultureInfo.InvariantCulture, $"{1_000_000_000 + a}"), true, "Bench s.r.o.", "https://bench.example")));
            Ok(await account.SubmitCompanyProfileAsync(Tenant, new CompanyProfileRequest("Bench s.r.o.", "other", "Benchmarks.")));
            if (BenchTemplates.Named)
            {
                Ok(await account.PutTemplateAsync(Tenant, BenchTemplates.Approved));
            }

            for (var n = a * NumbersPerAccount; n < Math.Min(numbers, (a + 1) * NumbersPerAccount); n++)
            {
                phones[n] = string.Create(CultureInfo.InvariantCulture, $"{phonePrefix}{n:D8}");
                scopes[n] = scope;
                refs[n] = grains.GetGrain<INumberGrain>(phones[n]);
                Ok(await account.AddNumberAsync(Tenant, new AddNumberRequest(phones[n], "sms", false, null)));
                if (register)
                {
                    var code = await refs[n].GetSimulatedCodeAsync();
                    Ok(await refs[n].VerifyAsync(scope, code));
                }
            }
        });
        return new BenchAccounts(phones, scopes, refs);
    }

    /// <summary>The reply's value, or an exception naming its failure (counted as an error by the load).</summary>
    public static T Ok<T>(Reply<T> reply) =>
        reply.IsSuccess ? reply.Value! : throw new InvalidOperationException($"{reply.Failure!.Code}: {reply.Failure.Message}");
}
