namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;

/// <summary>networking.istio.io Sidecar.</summary>
internal static class SidecarConverter
{
    private static readonly FrozenDictionary<string, CaptureMode> CaptureModes =
        new Dictionary<string, CaptureMode>(StringComparer.Ordinal)
        {
            ["DEFAULT"] = CaptureMode.Default, ["IPTABLES"] = CaptureMode.IpTables, ["NONE"] = CaptureMode.None,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, OutboundTrafficPolicyMode> OutboundModes =
        new Dictionary<string, OutboundTrafficPolicyMode>(StringComparer.Ordinal)
        {
            ["ALLOW_ANY"] = OutboundTrafficPolicyMode.AllowAny, ["REGISTRY_ONLY"] = OutboundTrafficPolicyMode.RegistryOnly,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Sidecar? Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec", required: true);
        if (spec is null)
        {
            return null;
        }

        var selector = WorkloadSelectorConverter.Read(spec, WorkloadSelectorConverter.Labels);
        var egress = spec.Array("egress", ConvertEgress);
        var ingress = spec.Array("ingress", ConvertIngress);
        var outbound = spec.Object("outboundTrafficPolicy");
        var mode = outbound?.Enum("mode", OutboundModes);
        outbound?.Unsupported("egressProxy");
        spec.Unsupported("inboundConnectionPool");
        CheckEgressOrder(spec, egress);
        if (!ingress.IsEmpty)
        {
            spec.Warning("ingress", "is validated but not applied yet: inbound listeners and clusters are built from the workload's service ports, as without a Sidecar");
        }

        if (!spec.Has("egress") && !spec.Has("ingress") && outbound is null && !spec.Has("inboundConnectionPool"))
        {
            spec.Error("", "is empty: set egress, ingress or outboundTrafficPolicy");
        }

        return new Sidecar
        {
            Meta = scope.ConfigMeta(),
            WorkloadSelector = selector,
            Egress = egress,
            Ingress = ingress,
            OutboundTrafficPolicy = mode ?? (outbound is null ? null : OutboundTrafficPolicyMode.AllowAny),
        };
    }

    private static SidecarEgressListener ConvertEgress(FieldReader egress)
    {
        var hosts = egress.Strings("hosts", required: true);
        for (var i = 0; i < hosts.Length; i++)
        {
            if (NamespacedHost.Check(hosts[i], sidecar: true) is { } problem)
            {
                egress.Error($"hosts[{i}]", problem);
            }
        }

        return new SidecarEgressListener(hosts)
        {
            Port = egress.Object("port") is { } port ? ConvertPort(port) : null,
            Bind = egress.String("bind") ?? "",
            CaptureMode = egress.Enum("captureMode", CaptureModes) ?? CaptureMode.Default,
        };
    }

    private static SidecarIngressListener? ConvertIngress(FieldReader ingress)
    {
        var port = ingress.Object("port", required: true) is { } p ? ConvertPort(p) : null;
        ingress.Unsupported("tls", "connectionPool");
        var listener = new SidecarIngressListener(port ?? new SidecarPort(0, Protocol.Unsupported, ""))
        {
            Bind = ingress.String("bind") ?? "",
            CaptureMode = ingress.Enum("captureMode", CaptureModes) ?? CaptureMode.Default,
            DefaultEndpoint = ingress.String("defaultEndpoint") ?? "",
        };
        return port is null ? null : listener;
    }

    private static SidecarPort? ConvertPort(FieldReader port)
    {
        var number = port.Int("number", 1, 65535, required: true);
        var protocol = IstioPortConverter.ReadProtocol(port, required: false) ?? Protocol.Unsupported;
        var name = port.String("name") ?? "";
        port.Unsupported("targetPort");
        return number is null ? null : new SidecarPort(number.Value, protocol, name);
    }

    /// <summary>istiod: only one egress listener may lack a port, and it must come last (it is the catch-all).</summary>
    private static void CheckEgressOrder(FieldReader spec, ImmutableArray<SidecarEgressListener> egress)
    {
        for (var i = 0; i < egress.Length - 1; i++)
        {
            if (egress[i].Port is null)
            {
                spec.Error($"egress[{i}]", "an egress listener without a port is the catch-all and must be the last one");
            }
        }
    }
}
