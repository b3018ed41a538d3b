using System.Globalization;

namespace WabaActors.Api.Tests.Support;

/// <summary>Reads one sample of the Prometheus text format served at <c>/metrics</c>.</summary>
public static class Metrics
{
    /// <summary>
    /// The sum of the samples named <paramref name="name"/> whose labels include every one of
    /// <paramref name="labels"/> (<c>key="value"</c>); 0 when there is none yet.
    /// </summary>
    public static double Sample(string scrape, string name, params string[] labels)
    {
        var total = 0.0;
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal)
                || line.Length == name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var end = line.LastIndexOf('}');
            var labelText = end < 0 ? "" : line[..end];
            if (labels.All(l => labelText.Contains(l, StringComparison.Ordinal)))
            {
                // "name{labels} value [timestamp]"
                var fields = line[(end + 1)..].Trim().Split(' ');
                total += double.Parse(fields[0], CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
