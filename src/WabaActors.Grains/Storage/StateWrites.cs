namespace WabaActors.Grains.Storage;

/// <summary>Writing a grain's whole state, as the account and number grains do.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Writes the state; on failure runs <paramref name="drop"/> (the grain's <c>DeactivateOnIdle</c>) and
    /// rethrows. The activation then holds a change that is not stored (and, for a webhook, a digest that
    /// would refuse Meta's retry as a duplicate): dropped, the next activation reloads what is stored.
    /// </summary>
    public static async Task WriteOrDropAsync<T>(this IPersistentState<T> state, Action drop)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            drop();
            throw;
        }
    }
}
