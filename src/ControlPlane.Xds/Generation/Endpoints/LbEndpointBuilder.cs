namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;
using EnvoyEndpoint = Envoy.Config.Endpoint.V3.Endpoint;
using Endpoint = ControlPlane.Model.Services.Endpoint;

/// <summary>
/// One <c>LbEndpoint</c> as <c>buildEnvoyLbEndpoint</c> writes it: address, health, weight and the metadata the sidecar
/// depends on: <c>envoy.transport_socket_match.tlsMode</c> (selects the mTLS transport socket) and <c>istio.workload</c>
/// (peer labels for telemetry when the peer cannot exchange metadata).
/// </summary>
internal static class LbEndpointBuilder
{
    public static LbEndpoint Build(Endpoint endpoint, Service service, bool mutualTls, string clusterId)
    {
        var result = new LbEndpoint
        {
            Endpoint = new EnvoyEndpoint { Address = EnvoyProto.SocketAddress(endpoint.Address, endpoint.Port) },
            HealthStatus = endpoint.Health == Model.Services.HealthStatus.Draining
                ? Envoy.Config.Core.V3.HealthStatus.Draining
                : Envoy.Config.Core.V3.HealthStatus.Healthy,
            LoadBalancingWeight = (uint)Math.Max(1, endpoint.Weight),
            Metadata = new Metadata(),
        };

        if (mutualTls)
        {
            var tlsMode = new Struct();
            tlsMode.Fields["tlsMode"] = Value.ForString("istio");
            result.Metadata.FilterMetadata[IstioMetadata.TransportSocketMatchKey] = tlsMode;
        }

        IstioMetadata.Set(IstioMetadata.IstioStruct(result.Metadata), "workload", Value.ForString(WorkloadTelemetry(endpoint, service, clusterId)));
        return result;
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
