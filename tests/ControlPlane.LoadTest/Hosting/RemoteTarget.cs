namespace ControlPlane.LoadTest.Hosting;

using System.Globalization;

/// <summary>
/// <c>--target HOST:PORT</c>: a <c>serve</c> instance started by hand (perhaps with other runtime settings), reached
/// through its control port. CPU and peak RSS are read from its <c>/metrics</c> <c>process_*</c> series; the peak is the
/// largest working set seen by <see cref="MetricsSampler"/>, sampled while the run lasts.
/// </summary>
internal sealed class RemoteTarget(ControlChannel control, Uri xds, Uri monitoring, MetricsSampler sampler) : IControlPlaneTarget
{
    public Uri XdsAddress => xds;

    public Uri MonitoringAddress => monitoring;

    public string Mode => "remote";

    public static async Task<RemoteTarget> ConnectAsync(string target)
    {
        var parts = target.Split(':');
        var control = await ControlChannel.ConnectAsync(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var ports = await control.AskAsync("ports").ConfigureAwait(false);
        return new RemoteTarget(control, new Uri(ports[1]), new Uri(ports[2]), MetricsSampler.Start(new Uri(new Uri(ports[2]), "/metrics")));
    }

    public Task<long> ApplyAsync(MeshChange change) => control.ApplyAsync(change);

    public async Task<ControlPlaneUsage> UsageAsync()
    {
        var (cpu, peak) = await sampler.ReadAsync().ConfigureAwait(false);
        return new ControlPlaneUsage(cpu, peak / 1048576.0, false, "/metrics process_cpu_seconds_total, max process_working_set_bytes");
    }

    public async ValueTask DisposeAsync()
    {
        await sampler.DisposeAsync().ConfigureAwait(false);
        control.Dispose();
    }
}
