namespace ControlPlane.LoadTest.Reporting;

using System.Text.Json;

/// <summary>
/// Reads the control plane's own account of its pushes from <c>/debug/push_status</c>: how many pushes it released after
/// a given mesh version and how many connections it selected for them. Compared with what the clients received, this
/// shows work done for proxies that then got nothing (delta sends only what changed). The endpoint keeps the last 100.
/// </summary>
internal static class PushStatusReader
{
    public static async Task<(long NewestVersion, int Pushes, int ProxiesSelected)> ReadAsync(Uri monitoring, long afterVersion)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(monitoring, "/debug/push_status")).ConfigureAwait(false));
        long newest = -1;
        int pushes = 0, selected = 0;
        foreach (var push in json.RootElement.EnumerateArray())
        {
            var version = push.GetProperty("version").GetInt64();
            newest = Math.Max(newest, version);
            if (version > afterVersion)
            {
                pushes++;
                selected += push.GetProperty("proxies_pushed").GetInt32();
            }
        }

        return (newest, pushes, selected);
    }
}
