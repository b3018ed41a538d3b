namespace WabaActors.Domain.Numbers;

public enum VerificationMethod
{
    /// <summary>The recommended method.</summary>
    Sms,

    /// <summary>An automated call dictates the code; an IVR in front of the number may block it.</summary>
    Voice,
}
