namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;

/// <summary>
/// The kinds this source reads, keyed by API group and kind, so that a same-named kind of another group (a Knative
/// <c>Service</c>, say) is skipped rather than misread.
/// </summary>
internal static class KindHandlers
{
    public const string IstioNetworkingGroup = "networking.istio.io";

    private static readonly FrozenSet<string> CoreV1 = FrozenSet.Create(StringComparer.Ordinal, "v1");

    private static readonly FrozenSet<string> IstioVersions = FrozenSet.Create(
        StringComparer.Ordinal, "networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3");

    private static readonly FrozenDictionary<(string Group, string Kind), KindHandler> Handlers = new KindHandler[]
    {
        new("Namespace", CoreV1, Namespaced: false, KubeNames.CheckLabel, NamespaceConverter.Convert),
        new("Service", CoreV1, Namespaced: true, KubeNames.CheckServiceName, ServiceConverter.Convert),
        new("Pod", CoreV1, Namespaced: true, KubeNames.CheckSubdomain, PodConverter.Convert),
        new("EndpointSlice", FrozenSet.Create(StringComparer.Ordinal, "discovery.k8s.io/v1"), Namespaced: true, KubeNames.CheckSubdomain, EndpointSliceConverter.Convert),
        Istio("VirtualService", VirtualServiceConverter.Convert),
        Istio("DestinationRule", DestinationRuleConverter.Convert),
        Istio("Sidecar", SidecarConverter.Convert),
        Istio("ServiceEntry", ServiceEntryConverter.Convert),
        Istio("WorkloadEntry", WorkloadEntryConverter.Convert),
        // istiod: a Gateway name is a DNS label (no dots), since gateways are referenced as namespace/name.
        Istio("Gateway", GatewayConverter.Convert, KubeNames.CheckLabel),
    }.ToFrozenDictionary(h => (GroupOf(h.ApiVersions.First()), h.Kind));

    public static bool TryGet(string apiVersion, string kind, out KindHandler handler) =>
        Handlers.TryGetValue((GroupOf(apiVersion), kind), out handler!);

    /// <summary>The API group of an apiVersion: <c>apps/v1</c> is <c>apps</c>, <c>v1</c> is the core group "".</summary>
    public static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }

    private static KindHandler Istio(string kind, Func<FieldReader, ConversionScope, object?> convert, Func<string, string?>? checkName = null) =>
        new(kind, IstioVersions, Namespaced: true, checkName ?? KubeNames.CheckSubdomain, convert);
}
