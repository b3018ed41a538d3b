namespace WabaActors.Domain.Messaging;

/// <summary>
/// A new inbound message as <see cref="InboundLedger.Record"/> took it: the id now remembered and,
/// when the message opened or extended its customer's window, that change, carrying the id's digest
/// (<see cref="WindowChange.InboundDigest"/>) so that one write persists both. A message that changed
/// no window is persisted by its <see cref="Id"/> alone.
/// </summary>
public readonly record struct InboundRecorded(InboundId Id, WindowChange? Window);
