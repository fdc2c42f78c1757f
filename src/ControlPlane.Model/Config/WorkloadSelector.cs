namespace ControlPlane.Model.Config;

using System.Collections.Frozen;

/// <summary>Label selector of Sidecar, DestinationRule and ServiceEntry; empty matches everything.</summary>
public sealed record WorkloadSelector(FrozenDictionary<string, string> MatchLabels)
{
    public static readonly WorkloadSelector All = new(FrozenDictionary<string, string>.Empty);

    public bool IsEmpty => MatchLabels.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }
}
