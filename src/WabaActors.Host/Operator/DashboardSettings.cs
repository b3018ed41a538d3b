using System.ComponentModel.DataAnnotations;

namespace WabaActors.Host.Operator;

/// <summary>
/// The Orleans Dashboard served by this host (section <c>WabaActors:Dashboard</c>). With API keys
/// configured only an operator key opens it; with none it is open like the rest of the host.
/// </summary>
public sealed class DashboardSettings
{
    public const string Section = "WabaActors:Dashboard";

    /// <summary>On by default: it costs one grain-call filter that does nothing while nobody looks.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where it is served: one absolute path segment or more, outside the host's own paths.</summary>
    [Required(ErrorMessage = "WabaActors:Dashboard:Path is required.")]
    public string Path { get; set; } = "/dashboard";

    /// <summary>Hides the live log stream (the host's logs belong in its log pipeline); false shows it to operators.</summary>
    public bool HideTrace { get; set; } = true;
}
