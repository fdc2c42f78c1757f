namespace ControlPlane.Testing.Xds;

using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>Envoy <see cref="Node"/>s as pilot-agent and proxyless gRPC clients send them.</summary>
public static class XdsTestNodes
{
    /// <summary>A sidecar node: id <c>sidecar~ip~pod.ns~ns.svc.cluster.local</c> with NAMESPACE, LABELS, INSTANCE_IPS and ISTIO_VERSION.</summary>
    public static Node Sidecar(
        string pod, string ns, string ip = "10.0.0.1", IReadOnlyDictionary<string, string>? labels = null, string istioVersion = "1.24.0") =>
        Build("sidecar", pod, ns, ip, labels, istioVersion, generator: null);

    /// <summary>A proxyless gRPC node (metadata GENERATOR=grpc).</summary>
    public static Node ProxylessGrpc(string pod, string ns, string ip = "10.0.0.2", IReadOnlyDictionary<string, string>? labels = null) =>
        Build("sidecar", pod, ns, ip, labels, "1.24.0", generator: "grpc");

    /// <summary>A node with an arbitrary id and no metadata (for malformed-node tests).</summary>
    public static Node WithId(string id) => new() { Id = id };

    private static Node Build(string type, string pod, string ns, string ip, IReadOnlyDictionary<string, string>? labels, string istioVersion, string? generator)
    {
        var labelStruct = new Struct();
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            labelStruct.Fields[key] = Value.ForString(value);
        }

        var metadata = new Struct();
        metadata.Fields["NAMESPACE"] = Value.ForString(ns);
        metadata.Fields["INSTANCE_IPS"] = Value.ForString(ip);
        metadata.Fields["ISTIO_VERSION"] = Value.ForString(istioVersion);
        metadata.Fields["LABELS"] = Value.ForStruct(labelStruct);
        if (generator is not null)
        {
            metadata.Fields["GENERATOR"] = Value.ForString(generator);
        }

        return new Node { Id = $"{type}~{ip}~{pod}.{ns}~{ns}.svc.cluster.local", Cluster = $"{pod}.{ns}", Metadata = metadata };
    }
}
