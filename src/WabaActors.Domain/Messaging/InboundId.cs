namespace WabaActors.Domain.Messaging;

/// <summary>
/// An inbound message id a number remembers, as persisted and replayed: its digest
/// (<see cref="InboundLedger.Digest"/>) and the instant its retention runs from. That instant is the
/// end of the window the message opened or extended when it changed one (the digest then rides on
/// that <see cref="WindowChange"/>, whose row lives as long), else the instant it was recorded (the
/// id is written alone).
/// </summary>
public readonly record struct InboundId(long Digest, long AtTicks);
