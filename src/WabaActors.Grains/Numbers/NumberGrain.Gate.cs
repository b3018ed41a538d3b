using WabaActors.Contracts;
using WabaActors.Contracts.Accounts;
using WabaActors.Grains.Translation;

namespace WabaActors.Grains.Numbers;

/// <summary>
/// The account's gate as this number holds it: pushed by the account whenever it changes, and asked
/// for when unknown or older than <c>GateRefresh</c>. The newest version wins (a push and a read may cross).
/// </summary>
public sealed partial class NumberGrain
{
    public ValueTask UpdateGateAsync(AccountGate gate)
    {
        KeepGate(gate);
        return ValueTask.CompletedTask;
    }

    private async ValueTask<AccountGate> CurrentGateAsync(DateTimeOffset now)
    {
        if (_gate is null || now - _gateFetchedAt > options.Value.GateRefresh || now < _gateFetchedAt)
        {
            KeepGate(await GrainFactory.Reference<IAccountGrain>(Number!.Waba).GetGateAsync());
            _gateFetchedAt = now;
        }

        return _gate!;
    }

    private void KeepGate(AccountGate gate)
    {
        if (_gate is null || gate.Version >= _gate.Version)
        {
            // The registry changes only with the gate's version (every template change is a history entry): a
            // refresh of the same version keeps the book already built rather than building it again.
            var book = _gate?.Version == gate.Version ? _domainGate?.Templates : null;
            _gate = gate;
            _domainGate = gate.ToDomain(Phone, book);
        }
    }
}
