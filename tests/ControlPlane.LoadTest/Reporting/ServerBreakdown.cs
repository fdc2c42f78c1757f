namespace ControlPlane.LoadTest.Reporting;

using System.Globalization;

/// <summary>
/// Where the control plane spent its push time, from its own istiod-named histograms on <c>/metrics</c>: the
/// <c>_sum</c> (seconds) and <c>_count</c> of push-context builds, debounce, per-type generate+send, send, queue and
/// convergence. A stopwatch breakdown measured by the server, not a sampling profile.
/// </summary>
internal static class ServerBreakdown
{
    private static readonly string[] Series =
    [
        "pilot_pushcontext_init_seconds", "pilot_debounce_time", "pilot_xds_push_time", "pilot_xds_send_time",
        "pilot_proxy_queue_time", "pilot_proxy_convergence_time",
    ];

    public static async Task<SortedDictionary<string, double>> ReadAsync(Uri monitoring)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync(new Uri(monitoring, "/metrics")).ConfigureAwait(false);
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !Series.Any(s => line.StartsWith(s + "_sum", StringComparison.Ordinal) || line.StartsWith(s + "_count", StringComparison.Ordinal)))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result[line[..space]] = Math.Round(value, 6);
            }
        }

        return result;
    }
}
