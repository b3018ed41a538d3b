namespace WabaActors.Domain.Messaging;

/// <summary>
/// How a customer reached the number: through a free entry point or not. A business answer within 24 h
/// of a free entry makes messages to that customer on that number free for 72 h (pricing only: whether a
/// send is allowed never depends on it). Stored as a small integer: the values never change.
/// </summary>
public enum EntryPoint : byte
{
    /// <summary>An ordinary message or call.</summary>
    None = 0,

    /// <summary>A click-to-WhatsApp ad (Meta's <c>referral</c> with <c>source_type: ad</c> or a <c>ctwa_clid</c>).</summary>
    Ctwa = 1,

    /// <summary>A Facebook page's call-to-action button (Meta's <c>referral</c> with <c>source_type: post</c>).</summary>
    PageCta = 2,
}
