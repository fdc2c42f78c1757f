namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;
using EnvoyEndpoint = Envoy.Config.Endpoint.V3.Endpoint;
using Endpoint = ControlPlane.Model.Services.Endpoint;

/// <summary>
/// The <c>LbEndpoint</c>s of one assignment as <c>buildEnvoyLbEndpoint</c> writes them: address, health, weight and the
/// metadata the sidecar depends on: <c>envoy.transport_socket_match.tlsMode</c> (selects the mTLS transport socket) and
/// <c>istio.workload</c> (peer labels for telemetry when the peer cannot exchange metadata). Endpoints of one workload
/// carry the same metadata, so they share one instance: metadata maps were most of what an endpoint cost to build.
/// </summary>
internal sealed class LbEndpointBuilder(Service service, string clusterId)
{
    private static readonly Struct IstioTlsMode = TlsModeStruct();

    private readonly Dictionary<(string Workload, bool MutualTls), Metadata> metadata = [];

    public LbEndpoint Build(Endpoint endpoint, bool mutualTls) => new()
    {
        Endpoint = new EnvoyEndpoint { Address = EnvoyProto.SocketAddress(endpoint.Address, endpoint.Port) },
        HealthStatus = endpoint.Health == Model.Services.HealthStatus.Draining
            ? Envoy.Config.Core.V3.HealthStatus.Draining
            : Envoy.Config.Core.V3.HealthStatus.Healthy,
        LoadBalancingWeight = (uint)Math.Max(1, endpoint.Weight),
        Metadata = MetadataFor(WorkloadTelemetry(endpoint, service, clusterId), mutualTls),
    };

    private Metadata MetadataFor(string workload, bool mutualTls)
    {
        if (metadata.TryGetValue((workload, mutualTls), out var shared))
        {
            return shared;
        }

        shared = new Metadata();
        if (mutualTls)
        {
            shared.FilterMetadata[IstioMetadata.TransportSocketMatchKey] = IstioTlsMode;
        }

        IstioMetadata.Set(IstioMetadata.IstioStruct(shared), "workload", Value.ForString(workload));
        metadata[(workload, mutualTls)] = shared;
        return shared;
    }

    private static Struct TlsModeStruct()
    {
        var tlsMode = new Struct();
        tlsMode.Fields["tlsMode"] = Value.ForString("istio");
        return tlsMode;
    }

    /// <summary>
    /// <c>AppendLbEndpointMetadata</c>: <c>workload;namespace;canonicalName;canonicalRevision;cluster</c>, with the revision
    /// left empty when it is the default <c>latest</c>.
    /// </summary>
    public static string WorkloadTelemetry(Endpoint endpoint, Service service, string clusterId)
    {
        var labels = endpoint.Labels;
        var canonicalName = First(labels, "service.istio.io/canonical-name", "app.kubernetes.io/name", "app") ?? endpoint.WorkloadName;
        var revision = First(labels, "service.istio.io/canonical-revision", "app.kubernetes.io/version", "version") ?? "latest";
        if (revision == "latest")
        {
            revision = "";
        }

        var ns = endpoint.Namespace.Length > 0 ? endpoint.Namespace : service.Namespace;
        return string.Join(';', endpoint.WorkloadName, ns, canonicalName, revision, clusterId);
    }

    private static string? First(IReadOnlyDictionary<string, string> labels, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (labels.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
