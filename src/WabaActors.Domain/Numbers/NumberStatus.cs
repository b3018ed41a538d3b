namespace WabaActors.Domain.Numbers;

public enum NumberStatus
{
    CodeSent,
    Registered,
}
