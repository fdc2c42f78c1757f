namespace ControlPlane.LoadTest.Hosting;

/// <summary>
/// The control plane under test, already serving the synthetic mesh: where its ADS endpoint is, how to change the mesh,
/// and what the hosting process has used.
/// </summary>
internal interface IControlPlaneTarget : IAsyncDisposable
{
    Uri XdsAddress { get; }

    /// <summary>The host's monitoring port (<c>/metrics</c>), for the server-side breakdown in the report.</summary>
    Uri MonitoringAddress { get; }

    string Mode { get; }

    /// <summary>
    /// Applies the change to the host's MeshStore and returns the <see cref="System.Diagnostics.Stopwatch"/> timestamp taken
    /// just before the apply (the monotonic clock is shared by every process on the machine).
    /// </summary>
    Task<long> ApplyAsync(MeshChange change);

    Task<ControlPlaneUsage> UsageAsync();
}
