namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>networking.istio.io DestinationRule.</summary>
internal static class DestinationRuleConverter
{
    public static DestinationRule? Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec", required: true);
        if (spec is null)
        {
            return null;
        }

        var host = spec.String("host", required: true);
        var trafficPolicy = spec.Object("trafficPolicy") is { } policy ? TrafficPolicyConverter.Convert(policy) : null;
        var subsets = spec.Array("subsets", ConvertSubset);
        CheckSubsetNames(spec, subsets);
        var exportTo = spec.Strings("exportTo");
        var selector = WorkloadSelectorConverter.Read(spec, WorkloadSelectorConverter.MatchLabels);
        return host is null ? null : new DestinationRule
        {
            Meta = scope.ConfigMeta(),
            Host = host,
            TrafficPolicy = trafficPolicy,
            Subsets = subsets,
            ExportTo = exportTo,
            WorkloadSelector = selector,
        };
    }

    private static Subset? ConvertSubset(FieldReader subset)
    {
        var name = subset.String("name", required: true);
        var labels = subset.StringMap("labels");
        var policy = subset.Object("trafficPolicy") is { } p ? TrafficPolicyConverter.Convert(p) : null;
        return name is null ? null : new Subset(name, labels, policy);
    }

    private static void CheckSubsetNames(FieldReader spec, ImmutableArray<Subset> subsets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < subsets.Length; i++)
        {
            if (!seen.Add(subsets[i].Name))
            {
                spec.Error($"subsets[{i}].name", $"duplicate subset name '{subsets[i].Name}'");
            }
            else if (KubeNames.CheckLabel(subsets[i].Name) is { } message)
            {
                spec.Error($"subsets[{i}].name", $"'{subsets[i].Name}' {message}");
            }
        }
    }
}
