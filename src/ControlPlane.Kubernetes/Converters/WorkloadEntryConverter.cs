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
        // istiod: the address may be left out only for an entry reached through a network gateway.
        var address = spec.String("address", required: !spec.Has("network"));
        CheckAddress(spec, address);
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
        return address is null && !spec.Has("network") ? null : entry;
    }

    /// <summary>An IP, a <c>unix://</c> absolute path or abstract socket, or a DNS name (resolved by DNS ServiceEntries).</summary>
    private static void CheckAddress(FieldReader spec, string? address)
    {
        if (address is null || address.Length == 0 || System.Net.IPAddress.TryParse(address, out _))
        {
            return;
        }

        if (address.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = address["unix://".Length..];
            if (!(path.StartsWith('@') || (path.StartsWith('/') && !path.EndsWith('/'))))
            {
                spec.Error("address", $"'{address}': a unix address must be an absolute path to a file or an abstract socket (@name)");
            }

            if (spec.Has("ports"))
            {
                spec.Error("ports", "a unix domain socket endpoint cannot have ports");
            }
        }
        else if (KubeNames.CheckSubdomain(address.ToLowerInvariant()) is not null || address.Contains('/', StringComparison.Ordinal))
        {
            spec.Error("address", $"'{address}' is not an IP address, a unix:// socket or a DNS name");
        }
    }
}
