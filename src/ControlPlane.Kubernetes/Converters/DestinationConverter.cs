namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Route destinations shared by http, tcp and tls routes, and istiod's weight rule for them.</summary>
internal static class DestinationConverter
{
    public static Destination? Read(FieldReader parent, string field = "destination")
    {
        var destination = parent.Object(field, required: true);
        if (destination is null)
        {
            return null;
        }

        var host = destination.String("host", required: true);
        var subset = destination.String("subset") ?? "";
        if (host == "*")
        {
            destination.Error("host", "invalid destination host *");
        }

        if (subset.Length > 0 && KubeNames.CheckLabel(subset) is not null)
        {
            destination.Error("subset", $"subset name is invalid: {subset}");
        }

        var port = destination.Object("port")?.Int("number", 1, 65535, required: true) ?? 0;
        return host is null ? null : new Destination(host, subset, port);
    }

    public static int Weight(FieldReader parent) => parent.Int("weight", 0) ?? 0;

    /// <summary>
    /// istiod's rule: weights are relative shares (Envoy's weighted clusters need no fixed total), so with several
    /// destinations they only must not all be 0; a single destination takes all traffic whatever its weight.
    /// </summary>
    public static void CheckWeights(FieldReader rule, string field, IReadOnlyList<int> weights)
    {
        if (weights.Count < 2)
        {
            return;
        }

        var total = weights.Sum(w => (long)w);
        if (total == 0)
        {
            rule.Error(field, $"destination weights must not all be 0 when there are several destinations, got {total} ({string.Join(" + ", weights)})");
        }
    }
}
