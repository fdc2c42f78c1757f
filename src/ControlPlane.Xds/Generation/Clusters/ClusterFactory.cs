namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Extensions.Network.DnsResolver.Cares.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// istiod's <c>buildCluster</c>: the settings every service cluster starts from, before traffic policy. Returns null for a
/// STATIC or DNS cluster without endpoints, which istiod drops (metric <c>pilot_dns_cluster_without_endpoints</c>).
/// </summary>
internal static class ClusterFactory
{
    /// <summary><c>PILOT_DNS_CARES_UDP_MAX_QUERIES</c> default.</summary>
    private const uint CaresUdpMaxQueries = 100;

    public static ClusterDraft? Create(
        MeshConfig mesh, bool ipv6Only, string name, Cluster.Types.DiscoveryType type, ServicePort port, List<LocalityLbEndpoints>? endpoints)
    {
        var cluster = new Cluster
        {
            Name = name,
            Type = type,
            CommonLbConfig = new Cluster.Types.CommonLbConfig(),
            AltStatName = Naming.EnvoyNames.Delimited(name),
        };

        if (type is Cluster.Types.DiscoveryType.StrictDns or Cluster.Types.DiscoveryType.LogicalDns)
        {
            ApplyDns(cluster, mesh, ipv6Only);
        }

        if (type is Cluster.Types.DiscoveryType.StrictDns or Cluster.Types.DiscoveryType.LogicalDns or Cluster.Types.DiscoveryType.Static)
        {
            if (endpoints is null || endpoints.Count == 0)
            {
                return null;
            }

            cluster.LoadAssignment = new ClusterLoadAssignment { ClusterName = name };
            cluster.LoadAssignment.Endpoints.AddRange(endpoints);
        }

        var draft = new ClusterDraft(cluster);
        SetUpstreamProtocol(draft, port.Protocol);
        return draft;
    }

    /// <summary>
    /// <c>setUpstreamProtocol</c>: HTTP/2 ports get explicit HTTP/2; sniffed ports on sidecars reuse the downstream's
    /// protocol, since the listener detected it.
    /// </summary>
    public static void SetUpstreamProtocol(ClusterDraft draft, Protocol protocol)
    {
        if (Protocols.IsHttp2(protocol))
        {
            draft.UseHttp2();
        }
        else if (protocol == Protocol.Unsupported)
        {
            draft.UseDownstreamProtocol();
        }
    }

    /// <summary>Adds <c>istio.services</c> (telemetry labels) to the cluster's metadata.</summary>
    public static void AddServices(Cluster cluster, IEnumerable<Service> services)
    {
        cluster.Metadata ??= new Metadata();
        IstioMetadata.Set(IstioMetadata.IstioStruct(cluster.Metadata), "services", Value.ForList([.. services.Select(IstioMetadata.ServiceEntry)]));
    }

    /// <summary><c>maybeApplyEdsConfig</c>: EDS via ADS, the service name being the cluster name itself.</summary>
    public static void MaybeApplyEdsConfig(Cluster cluster)
    {
        if (cluster.Type != Cluster.Types.DiscoveryType.Eds)
        {
            return;
        }

        cluster.EdsClusterConfig = new Cluster.Types.EdsClusterConfig
        {
            ServiceName = cluster.Name,
            EdsConfig = EnvoyProto.AdsConfigSource(),
        };
    }

    /// <summary>
    /// DNS settings: address family from the proxy's IPs (V4_ONLY unless all are IPv6), c-ares resolver, TTLs honoured.
    /// istiod also sets <c>dns_jitter</c> (100ms); the pinned Envoy API predates that field, so it is left out.
    /// </summary>
    private static void ApplyDns(Cluster cluster, MeshConfig mesh, bool ipv6Only)
    {
        cluster.DnsLookupFamily = ipv6Only ? Cluster.Types.DnsLookupFamily.V6Only : Cluster.Types.DnsLookupFamily.V4Only;
        cluster.TypedDnsResolverConfig = new TypedExtensionConfig
        {
            Name = FilterNames.CaresDnsResolver,
            TypedConfig = EnvoyProto.Pack(new CaresDnsResolverConfig { UdpMaxQueries = CaresUdpMaxQueries }),
        };
        cluster.DnsRefreshRate = EnvoyProto.Duration(mesh.DnsRefreshRate);
        cluster.RespectDnsTtl = true;
    }
}
