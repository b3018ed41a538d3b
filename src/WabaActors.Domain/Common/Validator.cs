namespace WabaActors.Domain.Common;

/// <summary>Collects field errors so that a request is answered with all of them at once.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            Add(field, message);
        }

        return this;
    }

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Parses with <paramref name="parse"/> and records its message under <paramref name="field"/> on failure.</summary>
    public T? Parse<T>(string field, Func<Result<T>> parse)
    {
        var result = parse();
        if (result.IsSuccess)
        {
            return result.Value;
        }

        Add(field, result.Error!.Message);
        return default;
    }

    public DomainError ToError() => new(ErrorCodes.ValidationFailed, "The request is not valid.")
    {
        Errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
    };
}
