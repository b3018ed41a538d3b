namespace WabaActors.Benchmarks;

/// <summary>The four requests of the mixed load (<see cref="LoadMix"/>, <c>WrkMixed.lua</c>).</summary>
public enum LoadKind
{
    /// <summary><c>POST …/inbound</c> from a customer whose window is open: the window moves, the message id is kept 24 h.</summary>
    Inbound,

    /// <summary>A session permit to a customer whose window is open.</summary>
    Session,

    /// <summary>A template to a recipient never seen before: the quota counts it and its grant is durable before the answer.</summary>
    TemplateNew,

    /// <summary>A template to a recipient the account has already counted (no window): number → quota, nothing new counted.</summary>
    TemplateCounted,
}
