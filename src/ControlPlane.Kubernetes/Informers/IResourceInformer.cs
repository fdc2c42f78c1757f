namespace ControlPlane.Kubernetes.Informers;

/// <summary>What an owner of several informers of different types needs from each: run it and know when it synced.</summary>
public interface IResourceInformer
{
    string ResourceName { get; }

    bool HasSynced { get; }

    Task WaitForSyncAsync(CancellationToken cancellationToken);

    Task RunAsync(CancellationToken cancellationToken);
}
