namespace ControlPlane.Kubernetes.Validation;

using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// istiod's <c>ValidateLocalityLbSetting</c>, for a DestinationRule's load balancer and for MeshConfig alike:
/// <c>distribute</c> and <c>failover</c> exclude each other, each distribution's weights are 1-100 and add up to 100,
/// localities do not overlap and have a single trailing wildcard at most, failover names two different plain regions.
/// Like istiod it stops at the first structural error. Stateless.
/// </summary>
internal static class LocalityLbSettingRules
{
    private static readonly string[] TopologyLabels =
        ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"];

    /// <param name="hasOutlierDetection">Failover without outlier detection never triggers: a warning, as in istiod.</param>
    public static IReadOnlyList<LocalityLbProblem> Check(LocalityLbSetting setting, bool hasOutlierDetection)
    {
        var problems = new List<LocalityLbProblem>();
        if (!setting.Distribute.IsEmpty && !setting.Failover.IsEmpty)
        {
            return [LocalityLbProblem.Error("can not simultaneously specify 'distribute' and 'failover'")];
        }

        if (!setting.Failover.IsEmpty && setting.FailoverPriority.FirstOrDefault(TopologyLabels.Contains) is { } topology)
        {
            return [LocalityLbProblem.Error($"can not simultaneously set 'failover' and topology label '{topology}' in 'failover_priority'")];
        }

        foreach (var distribution in setting.Distribute)
        {
            if (distribution.To.Any(to => to.Weight is 0 or > 100))
            {
                return [LocalityLbProblem.Error("locality weight must be in range [1, 100]")];
            }

            var total = distribution.To.Sum(to => (long)to.Weight);
            if (total != 100)
            {
                return [LocalityLbProblem.Error($"total locality weight {total} != 100")];
            }

            AddIfAny(problems, CheckLocalities(distribution.To.Select(to => to.Locality)));
        }

        AddIfAny(problems, CheckLocalities(setting.Distribute.Select(d => d.From)));
        if ((!setting.Failover.IsEmpty || !setting.FailoverPriority.IsEmpty) && !hasOutlierDetection)
        {
            problems.Add(LocalityLbProblem.Warning("outlier detection policy must be provided for failover"));
        }

        foreach (var failover in setting.Failover)
        {
            if (failover.From == failover.To)
            {
                problems.Add(LocalityLbProblem.Error("locality lb failover settings must specify different regions"));
            }

            if (failover.From.Contains('/', StringComparison.Ordinal) || failover.To.Contains('/', StringComparison.Ordinal))
            {
                problems.Add(LocalityLbProblem.Error("locality lb failover only specify region"));
            }

            if (failover.From.Contains('*', StringComparison.Ordinal) || failover.To.Contains('*', StringComparison.Ordinal))
            {
                problems.Add(LocalityLbProblem.Error("locality lb failover region should not contain '*' wildcard"));
            }
        }

        return problems;
    }

    private static void AddIfAny(List<LocalityLbProblem> problems, string? error)
    {
        if (error is not null)
        {
            problems.Add(LocalityLbProblem.Error(error));
        }
    }

    /// <summary><c>validateLocalities</c>: no locality may cover one listed before it (a region covers its zones, and so on).</summary>
    private static string? CheckLocalities(IEnumerable<string> localities)
    {
        // region -> zone -> subzones; "*" marks a level taken whole.
        var taken = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var locality in localities)
        {
            var stars = locality.Count(c => c == '*');
            if (stars > 1 || (stars == 1 && !locality.EndsWith('*')))
            {
                return $"locality {locality} wildcard '*' number can not exceed 1 and must be in the end";
            }

            var parts = locality.Split('/', 3);
            if (taken.ContainsKey("*"))
            {
                return $"locality {locality} overlap with previous specified ones";
            }

            if (parts.Any(p => p.Length == 0))
            {
                return $"locality {locality} must not contain empty region/zone/subzone info";
            }

            if (!Take(taken, parts))
            {
                return $"locality {locality} overlap with previous specified ones";
            }
        }

        return null;
    }

    private static bool Take(Dictionary<string, Dictionary<string, HashSet<string>>> taken, string[] parts)
    {
        var region = parts[0];
        if (parts.Length == 1)
        {
            return taken.TryAdd(region, new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["*"] = ["*"] });
        }

        if (!taken.TryGetValue(region, out var zones))
        {
            zones = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            taken[region] = zones;
        }
        else if (zones.ContainsKey("*"))
        {
            return false;
        }

        var zone = parts[1];
        if (parts.Length == 2)
        {
            return zones.TryAdd(zone, ["*"]);
        }

        if (!zones.TryGetValue(zone, out var subzones))
        {
            zones[zone] = [parts[2]];
            return true;
        }

        return !subzones.Contains("*") && subzones.Add(parts[2]);
    }
}
