namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>networking.istio.io Sidecar, validated as istiod's <c>ValidateSidecar</c> does.</summary>
internal static class SidecarConverter
{
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
        var egress = spec.Array("egress", SidecarEgressConverter.Convert);
        var ingress = spec.Array("ingress", SidecarIngressConverter.Convert);
        var inboundPool = spec.Object("inboundConnectionPool") is { } pool ? SidecarIngressConverter.ConvertPool(pool) : null;
        var outbound = spec.Object("outboundTrafficPolicy");

        // The API's enum default is REGISTRY_ONLY: a policy object without a mode blocks unknown hosts.
        var mode = outbound is null ? (OutboundTrafficPolicyMode?)null : outbound.Enum("mode", OutboundModes) ?? OutboundTrafficPolicyMode.RegistryOnly;
        var egressProxy = outbound is not null && outbound.Has("egressProxy") ? ConvertEgressProxy(outbound, mode) : null;
        SidecarEgressConverter.CheckListeners(spec, egress);
        SidecarIngressConverter.CheckPorts(spec, ingress);
        if (!spec.Has("egress") && !spec.Has("ingress") && outbound is null && !spec.Has("inboundConnectionPool"))
        {
            spec.Error("", "is empty: set egress, ingress, outboundTrafficPolicy or inboundConnectionPool");
        }

        return new Sidecar
        {
            Meta = scope.ConfigMeta(),
            WorkloadSelector = selector,
            Egress = egress,
            Ingress = ingress,
            OutboundTrafficPolicy = mode,
            EgressProxy = egressProxy,
            InboundConnectionPool = inboundPool,
        };
    }

    /// <summary>
    /// <c>validateSidecarOutboundTrafficPolicy</c>: only with ALLOW_ANY (unknown traffic goes to the proxy instead of its
    /// original destination), a fully qualified host and a port number.
    /// </summary>
    private static Destination? ConvertEgressProxy(FieldReader outbound, OutboundTrafficPolicyMode? mode)
    {
        if (mode != OutboundTrafficPolicyMode.AllowAny)
        {
            outbound.Raw("egressProxy");
            outbound.Error("egressProxy", "egressProxy must be set only with the ALLOW_ANY outbound traffic policy mode");
            return null;
        }

        var destination = DestinationConverter.Read(outbound, "egressProxy");
        if (destination is null)
        {
            return null;
        }

        if (KubeNames.CheckSubdomain(destination.Host) is { } problem)
        {
            outbound.Error("egressProxy.host", $"'{destination.Host}' is not a fully qualified domain name: it {problem}");
        }

        if (destination.Port == 0)
        {
            outbound.Error("egressProxy.port", "is required: the egress proxy's port number");
            return null;
        }

        return destination;
    }
}
