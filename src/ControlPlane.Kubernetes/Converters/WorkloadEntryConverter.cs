namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.ServiceEntries;

/// <summary>networking.istio.io WorkloadEntry, and the same spec as a ServiceEntry inline endpoint.</summary>
internal static class WorkloadEntryConverter
{
    public static WorkloadEntry? Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec", required: true);
        var entry = spec is null ? null : ConvertSpec(spec);
        return entry is null ? null : new WorkloadEntry { Meta = scope.ConfigMeta(), Spec = entry };
    }

    public static WorkloadEntrySpec? ConvertSpec(FieldReader spec)
    {
        var address = spec.String("address", required: true);
        var entry = new WorkloadEntrySpec
        {
            Address = address ?? "",
            Ports = spec.IntMap("ports", 1, 65535),
            Labels = spec.StringMap("labels"),
            Network = spec.String("network") ?? "",
            Locality = spec.String("locality") ?? "",
            Weight = spec.Int("weight", 0) ?? 0,
            ServiceAccount = spec.String("serviceAccount") ?? "",
        };
        return address is null ? null : entry;
    }
}
