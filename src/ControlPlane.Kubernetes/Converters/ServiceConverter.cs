namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Services;

/// <summary>
/// v1 Service to a mesh <see cref="Service"/> named <c>name.namespace.svc.domainSuffix</c>. Headless services
/// (<c>clusterIP: None</c>) resolve as passthrough, ExternalName services as aliases.
/// </summary>
internal static class ServiceConverter
{
    public const string ExportToAnnotation = "networking.istio.io/exportTo";

    private static readonly string[] ServiceTypes = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];

    private static readonly string[] PortProtocols = ["TCP", "UDP", "SCTP"];

    public static Service? Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec", required: true);
        if (spec is null)
        {
            return null;
        }

        var type = spec.OneOf("type", ServiceTypes) ?? "ClusterIP";
        var addresses = Addresses(spec);
        var headless = addresses.Contains("None");

        // Kubernetes lets headless and ExternalName services omit ports; every other service needs one.
        var ports = spec.Array("ports", ConvertPort, required: type != "ExternalName" && !headless);
        CheckPortNames(spec, ports);
        var selector = spec.StringMap("selector");
        spec.String("externalName", required: type == "ExternalName");
        spec.Ignore("sessionAffinity", "sessionAffinityConfig", "externalIPs", "loadBalancerIP", "loadBalancerSourceRanges",
            "externalTrafficPolicy", "internalTrafficPolicy", "healthCheckNodePort", "publishNotReadyAddresses",
            "ipFamilies", "ipFamilyPolicy", "allocateLoadBalancerNodePorts", "loadBalancerClass", "trafficDistribution");
        var meta = scope.Metadata;
        return new Service
        {
            Hostname = $"{meta.Name}.{meta.Namespace}.svc.{scope.Mesh.DomainSuffix}",
            Namespace = meta.Namespace,
            Name = meta.Name,
            Ports = ports,
            Addresses = headless ? [] : addresses,
            Labels = meta.Labels,
            Selector = type == "ExternalName" ? FrozenDictionary<string, string>.Empty : selector,
            Resolution = type == "ExternalName" ? Resolution.Alias : headless ? Resolution.Passthrough : Resolution.ClientSideLb,
            ExportTo = Visibility.Parse(ExportTo(meta)),
            Registry = "Kubernetes",
        };
    }

    private static ServicePort? ConvertPort(FieldReader port)
    {
        var name = port.String("name") ?? "";
        var number = port.Int("port", 1, 65535, required: true);
        var protocol = port.OneOf("protocol", PortProtocols) ?? "TCP";
        var appProtocol = port.String("appProtocol");
        var (targetPort, targetPortName) = TargetPort(port);
        port.Ignore("nodePort");
        if (protocol == "SCTP")
        {
            port.Warning("protocol", "SCTP ports are not supported by the mesh; the port is skipped");
            return null;
        }

        if (number is null)
        {
            return null;
        }

        var meshProtocol = protocol == "UDP" ? Protocol.Udp : ProtocolParser.FromPort(name, appProtocol);
        return new ServicePort(name, number.Value, meshProtocol, targetPort) { TargetPortName = targetPortName };
    }

    /// <summary>targetPort is an IntOrString: a number, or the name of a container port.</summary>
    private static (int Number, string? Name) TargetPort(FieldReader port)
    {
        var raw = port.Raw("targetPort");
        if (raw is null)
        {
            return (0, null);
        }

        if (raw is JsonValue value && value.TryGetValue<string>(out var name))
        {
            if (name.Length == 0 || !name.Any(char.IsAsciiLetter))
            {
                port.Error("targetPort", $"'{name}' is neither a port number nor a port name (names contain a letter)");
                return (0, null);
            }

            return (0, name);
        }

        return (port.Int("targetPort", 1, 65535) ?? 0, null);
    }

    private static void CheckPortNames(FieldReader spec, ImmutableArray<ServicePort> ports)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Length; i++)
        {
            if (ports.Length > 1 && ports[i].Name.Length == 0)
            {
                spec.Error($"ports[{i}].name", "is required when a service has more than one port");
            }
            else if (ports[i].Name.Length > 0 && !seen.Add(ports[i].Name))
            {
                spec.Error($"ports[{i}].name", $"duplicate port name '{ports[i].Name}'");
            }
        }
    }

    private static ImmutableArray<string> Addresses(FieldReader spec)
    {
        var list = spec.Strings("clusterIPs");
        var single = spec.String("clusterIP");
        var addresses = list.IsEmpty && !string.IsNullOrEmpty(single) ? [single] : list;
        foreach (var address in addresses)
        {
            if (address != "None" && !IPAddress.TryParse(address, out _))
            {
                spec.Error(list.IsEmpty ? "clusterIP" : "clusterIPs", $"'{address}' is not an IP address or None");
            }
        }

        return addresses;
    }

    private static string[] ExportTo(ObjectMetadata meta) =>
        meta.Annotations.TryGetValue(ExportToAnnotation, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}
