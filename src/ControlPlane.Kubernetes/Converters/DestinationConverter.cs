namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Route destinations shared by http, tcp and tls routes, and istiod's weight rule for them.</summary>
internal static class DestinationConverter
{
    public static Destination? Read(FieldReader parent)
    {
        var destination = parent.Object("destination", required: true);
        if (destination is null)
        {
            return null;
        }

        var host = destination.String("host", required: true);
        var subset = destination.String("subset") ?? "";
        var port = destination.Object("port")?.Int("number", 1, 65535, required: true) ?? 0;
        return host is null ? null : new Destination(host, subset, port);
    }

    public static int Weight(FieldReader parent) => parent.Int("weight", 0, 100) ?? 0;

    /// <summary>
    /// istiod's rule: with several destinations the weights must add up to 100; a single destination takes all
    /// traffic whatever its weight.
    /// </summary>
    public static void CheckWeights(FieldReader rule, string field, IReadOnlyList<int> weights)
    {
        if (weights.Count < 2)
        {
            return;
        }

        var total = weights.Sum();
        if (total != 100)
        {
            rule.Error(field, $"destination weights must add up to 100 when there are several destinations, got {total} ({string.Join(" + ", weights)})");
        }
    }
}
