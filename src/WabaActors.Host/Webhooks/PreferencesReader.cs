using System.Text.Json;

namespace WabaActors.Host.Webhooks;

/// <summary>
/// Meta's <c>user_preferences</c> field: each <c>user_preferences[]</c> item of category <c>marketing_messages</c>
/// stops or resumes marketing messages to the customer (<c>wa_id</c> ?? <c>user_id</c>; both given link, as a
/// contact does) from the number of <c>metadata</c>, at <c>timestamp</c> (Unix seconds). Words are read in any
/// case; another category or value is unknown (logged and counted), never read as nothing.
/// </summary>
internal static class PreferencesReader
{
    public const string Field = "user_preferences";

    private const string Marketing = "marketing_messages";

    public static void Read(JsonElement value, MessagesBatchBuilder batch)
    {
        foreach (var item in value.Items(Field))
        {
            var person = Person.Contact(item);
            batch.Teach(person);
            var (category, word, at) = (item.Id("category"), item.Id("value")?.Trim(), MetaJson.Instant(item.Text("timestamp")));
            if (!string.Equals(category?.Trim(), Marketing, StringComparison.OrdinalIgnoreCase))
            {
                batch.Unknown("preference_category", category);
                continue;
            }

            bool? stop = word?.ToLowerInvariant() switch { "stop" => true, "resume" => false, _ => null };
            if (stop is null)
            {
                batch.Unknown("preference_value", word);
                continue;
            }

            if (at is null)
            {
                batch.Unreadable();
                continue;
            }

            batch.Preference(person, stop.Value, at.Value);
        }
    }
}
