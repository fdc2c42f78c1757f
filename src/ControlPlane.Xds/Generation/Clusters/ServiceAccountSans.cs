namespace ControlPlane.Xds.Generation.Clusters;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Services;

/// <summary>
/// What istiod's <c>constructUpstreamTLS</c> verifies a ServiceEntry host against when a SIMPLE or MUTUAL rule names no
/// <c>subjectAltNames</c>: the service's accounts (<c>PushContext.ServiceAccounts</c>), i.e. the entry's own
/// <c>subjectAltNames</c> plus the SPIFFE identity of every endpoint with a service account, sorted and deduplicated.
/// Kubernetes services never fall back. Compares by value, since it is part of the cluster cache key.
/// </summary>
internal sealed record ServiceAccountSans(ImmutableArray<string> Values)
{
    public static readonly ServiceAccountSans None = new(ImmutableArray<string>.Empty);

    /// <summary>Read only for ServiceEntry hosts whose rule originates user TLS, keeping other cache keys unchanged.</summary>
    public static ServiceAccountSans For(GenerationContext context, Service service, DestinationRule? rule)
    {
        if (service.Registry != "ServiceEntry" || rule is null || !ProxyTlsFiles.OriginatesUserTls(rule))
        {
            return None;
        }

        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        var key = new ConfigKey(ConfigKind.ServiceEntry, service.Namespace, service.Name);
        if (context.Push.Snapshot.Configs.GetValueOrDefault(key) is ServiceEntry entry)
        {
            accounts.UnionWith(entry.SubjectAltNames);
        }

        var trustDomain = context.Push.Mesh.TrustDomain;
        foreach (var endpoint in context.Push.Endpoints.For(service.Key))
        {
            if (endpoint.ServiceAccount.Length > 0)
            {
                var ns = endpoint.Namespace.Length > 0 ? endpoint.Namespace : service.Namespace;
                accounts.Add($"spiffe://{trustDomain}/ns/{ns}/sa/{endpoint.ServiceAccount}");
            }
        }

        return accounts.Count == 0 ? None : new ServiceAccountSans([.. accounts]);
    }

    public bool Equals(ServiceAccountSans? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
