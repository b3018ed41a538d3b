using WabaActors.Domain.Onboarding;

namespace WabaActors.Domain.Numbers;

/// <summary>The number's display name and its review by Meta (due in 24–48 h).</summary>
public sealed record DisplayName(string Name, Review Review);
