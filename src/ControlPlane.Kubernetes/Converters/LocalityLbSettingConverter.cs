namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// <c>loadBalancer.localityLbSetting</c>: <c>distribute</c>, <c>failover</c>, <c>failoverPriority</c> and <c>enabled</c>,
/// checked with istiod's <see cref="LocalityLbSettingRules"/>.
/// </summary>
internal static class LocalityLbSettingConverter
{
    public static LocalityLbSetting Convert(FieldReader setting, bool hasOutlierDetection)
    {
        var result = new LocalityLbSetting
        {
            Distribute = setting.Array("distribute", ConvertDistribution),
            Failover = setting.Array("failover", ConvertFailover),
            FailoverPriority = setting.Strings("failoverPriority"),
            Enabled = setting.Bool("enabled"),
        };

        foreach (var problem in LocalityLbSettingRules.Check(result, hasOutlierDetection))
        {
            if (problem.IsWarning)
            {
                setting.Warning("", problem.Message);
            }
            else
            {
                setting.Error("", problem.Message);
            }
        }

        return result;
    }

    private static LocalityDistribution? ConvertDistribution(FieldReader distribution)
    {
        var from = distribution.String("from") ?? "";
        var weights = ImmutableArray.CreateBuilder<LocalityWeight>();
        if (distribution.Object("to") is { } to)
        {
            // Kept in the order written: the localities may not overlap, so the order never changes the result.
            foreach (var locality in to.Keys())
            {
                if (to.Int(locality, 0) is { } weight)
                {
                    weights.Add(new LocalityWeight(locality, (uint)weight));
                }
            }
        }

        return new LocalityDistribution(from, weights.ToImmutable());
    }

    private static LocalityFailover? ConvertFailover(FieldReader failover) =>
        new(failover.String("from") ?? "", failover.String("to") ?? "");
}
