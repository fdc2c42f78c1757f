namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Endpoints;
using ControlPlane.Kubernetes.Validation;

/// <summary>discovery.k8s.io/v1 EndpointSlice to <see cref="EndpointSliceInfo"/>, owned by its <c>kubernetes.io/service-name</c>.</summary>
internal static class EndpointSliceConverter
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    private static readonly string[] AddressTypes = ["IPv4", "IPv6", "FQDN"];

    public static EndpointSliceInfo? Convert(FieldReader root, ConversionScope scope)
    {
        var addressType = root.OneOf("addressType", AddressTypes, required: true);
        var ports = root.Array("ports", ConvertPort);
        var endpoints = root.Array("endpoints", ConvertEndpoint);
        var meta = scope.Metadata;
        if (!meta.Labels.TryGetValue(ServiceNameLabel, out var serviceName) || serviceName.Length == 0)
        {
            root.Warning("metadata.labels", $"has no {ServiceNameLabel} label, so no service owns the slice; it is ignored");
            return null;
        }

        if (addressType == "FQDN")
        {
            root.Warning("addressType", "FQDN slices are not used by the mesh; the slice is ignored");
            return null;
        }

        return new EndpointSliceInfo(meta.Name, meta.Namespace, serviceName) { Ports = ports, Endpoints = endpoints };
    }

    private static SlicePort? ConvertPort(FieldReader port)
    {
        var number = port.Int("port", 1, 65535);
        var name = port.String("name") ?? "";
        port.Ignore("protocol", "appProtocol");
        if (number is null)
        {
            port.Warning("port", "a slice port without a number is not used by the mesh; it is skipped");
            return null;
        }

        return new SlicePort(name, number.Value);
    }

    private static SliceEndpoint? ConvertEndpoint(FieldReader endpoint)
    {
        var addresses = endpoint.Strings("addresses", required: true);
        var conditions = endpoint.Object("conditions");
        conditions?.Ignore("serving");
        var target = endpoint.Object("targetRef");
        var podName = "";
        var podNamespace = "";
        if (target is not null)
        {
            var kind = target.String("kind") ?? "Pod";
            var name = target.String("name") ?? "";
            podNamespace = target.String("namespace") ?? "";
            target.Ignore("uid", "apiVersion", "resourceVersion", "fieldPath");
            podName = kind == "Pod" ? name : "";
        }

        endpoint.Ignore("nodeName", "hostname", "deprecatedTopology", "hints");
        return new SliceEndpoint(addresses)
        {
            Ready = conditions?.Bool("ready"),
            Terminating = conditions?.Bool("terminating"),
            PodName = podName,
            PodNamespace = podNamespace,
            Zone = endpoint.String("zone") ?? "",
        };
    }
}
