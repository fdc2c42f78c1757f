namespace ControlPlane.LoadTest.Reporting;

using System.Globalization;

/// <summary>
/// The control plane's collector work during one scenario, from the host's <c>/metrics</c> (<c>dotnet_gc_pause_seconds_total</c>,
/// <c>dotnet_gc_allocated_bytes_total</c>, <c>dotnet_collection_count_total</c>): how long the process was paused, how
/// much it allocated and how many collections of each generation ran. Zero when the host does not export a series.
/// </summary>
internal sealed record GarbageCollection(double PauseSeconds, double AllocatedMb, int Gen0, int Gen1, int Gen2)
{
    public static async Task<GarbageCollection> ReadAsync(Uri monitoring)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync(new Uri(monitoring, "/metrics")).ConfigureAwait(false);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var space = line.LastIndexOf(' ');
            if (!line.StartsWith('#') && space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[line[..space]] = value;
            }
        }

        double Get(string series) => values.GetValueOrDefault(series);
        return new GarbageCollection(
            Get("dotnet_gc_pause_seconds_total"),
            Get("dotnet_gc_allocated_bytes_total") / 1048576.0,
            (int)Get("dotnet_collection_count_total{generation=\"0\"}"),
            (int)Get("dotnet_collection_count_total{generation=\"1\"}"),
            (int)Get("dotnet_collection_count_total{generation=\"2\"}"));
    }

    /// <summary>What happened between <paramref name="before"/> and this reading.</summary>
    public GarbageCollection Since(GarbageCollection before) => new(
        Math.Round(PauseSeconds - before.PauseSeconds, 3),
        Math.Round(AllocatedMb - before.AllocatedMb, 1),
        Gen0 - before.Gen0,
        Gen1 - before.Gen1,
        Gen2 - before.Gen2);
}
