namespace ControlPlane.LoadTest.Hosting;

using System.Diagnostics;
using ControlPlane.LoadTest.Mesh;
using ControlPlane.Model.State;
using ControlPlane.Xds.Pushing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Writes a synthetic mesh, and the scenarios' changes to it, straight into a host's <see cref="MeshStore"/>.</summary>
internal sealed class MeshLoader(SyntheticMesh mesh, IServiceProvider services)
{
    private readonly MeshStore store = services.GetRequiredService<MeshStore>();
    private readonly PushContextHolder contexts = services.GetRequiredService<PushContextHolder>();
    private readonly PushScheduler scheduler = services.GetRequiredService<PushScheduler>();

    /// <summary>
    /// Applies the whole mesh and waits until the push context reflects it and the scheduler has released the push for
    /// it, so no client sees a half-built mesh and no scenario sees the load's own push (the host may build a context
    /// from the loaded store before that push is released).
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        store.Apply(SyntheticMesh.Source, mesh.InitialDelta());
        var version = store.Current.Version;
        while ((contexts.Current?.Version ?? -1) < version || !scheduler.Recent.Snapshot().Any(p => p.Version >= version))
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    public long Apply(MeshChange change)
    {
        var start = Stopwatch.GetTimestamp();
        switch (change.Kind)
        {
            case MeshChangeKind.Endpoints:
                store.Apply(SyntheticMesh.Source, mesh.EndpointChange(change.Service, change.Generation));
                break;
            case MeshChangeKind.VirtualService:
                store.Apply(SyntheticMesh.Source, mesh.VirtualServiceChange(change.Service, change.Generation));
                break;
            default:
                store.SetMeshConfig(SyntheticMesh.MeshWideChange(change.Generation));
                break;
        }

        return start;
    }
}
