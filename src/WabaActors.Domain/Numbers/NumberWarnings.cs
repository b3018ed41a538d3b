namespace WabaActors.Domain.Numbers;

/// <summary>Warnings that do not refuse a request but that the user should see.</summary>
public static class NumberWarnings
{
    public const string IvrMayBlockVoiceCall = "ivr_may_block_voice_call";
}
