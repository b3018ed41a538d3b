namespace WabaActors.Contracts.Messaging;

/// <summary>How the customer reached the number (the domain's <c>EntryPoint</c>): a free entry point or none.</summary>
[GenerateSerializer, Alias("waba.EntryPoint")]
public enum EntryPoint
{
    /// <summary>An ordinary message or call.</summary>
    None,

    /// <summary>A click-to-WhatsApp ad.</summary>
    Ctwa,

    /// <summary>A Facebook page's call-to-action button.</summary>
    PageCta,
}
