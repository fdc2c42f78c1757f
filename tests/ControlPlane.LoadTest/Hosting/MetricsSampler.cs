namespace ControlPlane.LoadTest.Hosting;

using System.Globalization;

/// <summary>
/// Polls a Prometheus endpoint every 250 ms for <c>process_cpu_seconds_total</c> and <c>process_working_set_bytes</c>
/// (prometheus-net's process series) and keeps the largest working set seen: the exporter has no peak series.
/// </summary>
internal sealed class MetricsSampler : IAsyncDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource stop = new();
    private readonly Uri metrics;
    private Task? loop;
    private double peakWorkingSet;

    private MetricsSampler(Uri metrics) => this.metrics = metrics;

    public static MetricsSampler Start(Uri metrics)
    {
        var sampler = new MetricsSampler(metrics);
        sampler.loop = sampler.RunAsync();
        return sampler;
    }

    public async Task<(double CpuSeconds, double PeakWorkingSetBytes)> ReadAsync()
    {
        var (cpu, workingSet) = await ScrapeAsync().ConfigureAwait(false);
        return (cpu, Math.Max(Volatile.Read(ref peakWorkingSet), workingSet));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        http.Dispose();
        stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var (_, workingSet) = await ScrapeAsync().ConfigureAwait(false);
                Volatile.Write(ref peakWorkingSet, Math.Max(Volatile.Read(ref peakWorkingSet), workingSet));
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<(double Cpu, double WorkingSet)> ScrapeAsync()
    {
        var text = await http.GetStringAsync(metrics, stop.Token).ConfigureAwait(false);
        return (Series(text, "process_cpu_seconds_total"), Series(text, "process_working_set_bytes"));
    }

    private static double Series(string text, string name)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(name.Length + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
