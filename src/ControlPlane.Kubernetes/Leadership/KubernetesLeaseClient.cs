namespace ControlPlane.Kubernetes.Leadership;

using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

/// <summary>Leases through the real KubernetesClient's <c>coordination.k8s.io/v1</c> operations.</summary>
public sealed class KubernetesLeaseClient(IKubernetes client) : ILeaseClient
{
    public async Task<V1Lease?> GetAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoordinationV1.ReadNamespacedLeaseAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<V1Lease> CreateAsync(V1Lease lease, CancellationToken cancellationToken) =>
        client.CoordinationV1.CreateNamespacedLeaseAsync(lease, lease.Metadata.NamespaceProperty, cancellationToken: cancellationToken);

    public Task<V1Lease> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken) =>
        client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, lease.Metadata.Name, lease.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
}
