namespace ControlPlane.Model.Config;

/// <summary>A validated Istio networking object. Subtypes hold the spec as immutable records.</summary>
public abstract record IstioConfig
{
    public required ConfigMeta Meta { get; init; }

    public abstract ConfigKind Kind { get; }

    public ConfigKey Key => new(Kind, Meta.Namespace, Meta.Name);

    /// <summary>Istio's <c>istio</c> metadata path form, e.g. <c>/apis/networking.istio.io/v1/namespaces/default/destination-rule/reviews</c>.</summary>
    public string ConfigPath => $"/apis/networking.istio.io/v1/namespaces/{Meta.Namespace}/{KebabKind}/{Meta.Name}";

    private string KebabKind => Kind switch
    {
        ConfigKind.VirtualService => "virtual-service",
        ConfigKind.DestinationRule => "destination-rule",
        ConfigKind.ServiceEntry => "service-entry",
        ConfigKind.WorkloadEntry => "workload-entry",
        ConfigKind.Sidecar => "sidecar",
        ConfigKind.Gateway => "gateway",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
