namespace ControlPlane.Kubernetes.Leadership;

using k8s.Models;

/// <summary>
/// The three Lease calls leader election makes. Create and replace fail with a 409 (<c>HttpOperationException</c>) when
/// another writer got there first: the name is taken, or the resourceVersion sent is no longer the stored one.
/// </summary>
public interface ILeaseClient
{
    /// <summary>The Lease, or null when it does not exist.</summary>
    Task<V1Lease?> GetAsync(string ns, string name, CancellationToken cancellationToken);

    Task<V1Lease> CreateAsync(V1Lease lease, CancellationToken cancellationToken);

    /// <summary>Replaces the Lease if its <c>metadata.resourceVersion</c> is still the stored one (optimistic concurrency).</summary>
    Task<V1Lease> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken);
}
