namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Immutable;

/// <summary>networking.istio.io DestinationRule.</summary>
public sealed record DestinationRule : IstioConfig
{
    public override ConfigKind Kind => ConfigKind.DestinationRule;

    public required string Host { get; init; }

    public TrafficPolicy? TrafficPolicy { get; init; }

    public ImmutableArray<Subset> Subsets { get; init; } = [];

    public ImmutableArray<string> ExportTo { get; init; } = [];

    public WorkloadSelector? WorkloadSelector { get; init; }

    public Subset? FindSubset(string name)
    {
        foreach (var subset in Subsets)
        {
            if (subset.Name == name)
            {
                return subset;
            }
        }

        return null;
    }
}
