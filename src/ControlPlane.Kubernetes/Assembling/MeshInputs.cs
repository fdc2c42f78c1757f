namespace ControlPlane.Kubernetes.Assembling;

using ControlPlane.Kubernetes.Endpoints;
using ControlPlane.Model.Config;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

/// <summary>
/// Every accepted object of one load, in input order, before services and endpoints are joined. The first object of a
/// given kind, namespace and name wins; a later duplicate is refused so the caller can report where the first one is.
/// </summary>
internal sealed class MeshInputs
{
    private readonly Dictionary<(string Kind, string Namespace, string Name), string> origins = [];

    public List<NamespaceInfo> Namespaces { get; } = [];

    public List<Service> Services { get; } = [];

    public List<PodInfo> Pods { get; } = [];

    public List<EndpointSliceInfo> Slices { get; } = [];

    public List<IstioConfig> Configs { get; } = [];

    public int Count => origins.Count;

    public string OriginOf(IstioConfig config) =>
        origins.GetValueOrDefault((config.Kind.ToString(), config.Meta.Namespace, config.Meta.Name), config.Meta.Origin);

    /// <summary>Adds a converted object; false (with the first one's origin) when its identity is already taken.</summary>
    public bool TryAdd(object value, string origin, out string existingOrigin)
    {
        var identity = IdentityOf(value);
        if (origins.TryGetValue(identity, out existingOrigin!))
        {
            return false;
        }

        origins[identity] = origin;
        switch (value)
        {
            case NamespaceInfo ns: Namespaces.Add(ns); break;
            case Service service: Services.Add(service); break;
            case PodInfo pod: Pods.Add(pod); break;
            case EndpointSliceInfo slice: Slices.Add(slice); break;
            case IstioConfig config: Configs.Add(config); break;
            default: throw new ArgumentException($"unexpected input type {value.GetType().Name}", nameof(value));
        }

        return true;
    }

    private static (string, string, string) IdentityOf(object value) => value switch
    {
        NamespaceInfo ns => ("Namespace", "", ns.Name),
        Service service => ("Service", service.Namespace, service.Name),
        PodInfo pod => ("Pod", pod.Namespace, pod.Name),
        EndpointSliceInfo slice => ("EndpointSlice", slice.Namespace, slice.Name),
        IstioConfig config => (config.Kind.ToString(), config.Meta.Namespace, config.Meta.Name),
        _ => throw new ArgumentException($"unexpected input type {value.GetType().Name}", nameof(value)),
    };
}
