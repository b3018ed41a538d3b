using WabaActors.Contracts.Messaging;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// A <c>messages</c> change: the business number it reached (<c>metadata.display_phone_number</c>
/// digits), the customers' messages (open windows), and the 131047 failures (close them); items
/// that lack what they need are counted in <see cref="Unreadable"/>.
/// </summary>
public sealed record MessagesBatch(string Phone, IReadOnlyList<InboundMessage> Inbound, IReadOnlyList<WindowClose> Closes, int Unreadable);
