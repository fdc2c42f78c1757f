namespace ControlPlane.Xds.Generation.Endpoints;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// Which locality setting applies (<c>GetLocalityLbSetting</c>) and what of the proxy an assignment then depends on.
/// </summary>
internal static class LocalityLbResolver
{
    /// <summary>
    /// The DestinationRule's setting unless it is absent (then MeshConfig's); null when the one chosen is disabled.
    /// </summary>
    public static LocalityLbSetting? Effective(LocalityLbSetting? rule, MeshConfig mesh)
    {
        if (rule is not null)
        {
            return rule.Enabled == false ? null : rule;
        }

        return mesh.LocalityLbSetting.Enabled == false ? null : mesh.LocalityLbSetting;
    }

    /// <summary>
    /// <c>getOutlierDetectionAndLoadBalancerSettings</c> + <c>populateFailoverPriorityLabels</c> for one EDS cluster; null
    /// when the setting cannot change the assignment (no weights, and failover off), so that such assignments stay shared
    /// by every proxy.
    /// </summary>
    public static LocalityLbInputs? ForEndpoints(GenerationContext context, DestinationRule? rule, int port, string subset)
    {
        var policy = rule is null ? null : TrafficPolicies.ForSubset(rule.TrafficPolicy, rule.FindSubset(subset)?.TrafficPolicy, port);
        var enableFailover = policy?.OutlierDetection is not null;
        if (Effective(policy?.LoadBalancer?.LocalityLbSetting, context.Push.Mesh) is not { } setting
            || (setting.Distribute.IsEmpty && !enableFailover))
        {
            return null;
        }

        var locality = ProxyTopology.LocalityOf(context);
        var labels = setting.Distribute.IsEmpty && !setting.FailoverPriority.IsEmpty
            ? PriorityLabels(context, locality, setting.FailoverPriority)
            : null;
        return new LocalityLbInputs(setting, enableFailover, locality, labels);
    }

    /// <summary>Whether a locality setting can reorder a DNS cluster's inline endpoints for this rule (needs the proxy's locality).</summary>
    public static bool MayApplyToInlineEndpoints(DestinationRule? rule, MeshConfig mesh)
    {
        if (rule is null)
        {
            return !mesh.LocalityLbSetting.Distribute.IsEmpty && mesh.LocalityLbSetting.Enabled != false;
        }

        // Any policy with outlier detection or a locality setting may apply on some port or subset; rare enough to key broadly.
        return Policies(rule).Any(p => p.OutlierDetection is not null || p.LoadBalancer?.LocalityLbSetting is not null)
            || !mesh.LocalityLbSetting.Distribute.IsEmpty;
    }

    private static ProxyPriorityLabels? PriorityLabels(GenerationContext context, Model.Services.Locality locality, ImmutableArray<string> priorities)
    {
        if (!ProxyTopology.HasLabels(context, locality))
        {
            return null;
        }

        return new ProxyPriorityLabels([.. priorities.Select(p =>
            FailoverPriorities.OverrideOf(p) ?? ProxyTopology.Label(context, locality, FailoverPriorities.KeyOf(p)))]);
    }

    private static IEnumerable<(LoadBalancerSettings? LoadBalancer, OutlierDetectionSettings? OutlierDetection)> Policies(DestinationRule rule)
    {
        foreach (var policy in rule.Subsets.Select(s => s.TrafficPolicy).Prepend(rule.TrafficPolicy))
        {
            if (policy is null)
            {
                continue;
            }

            yield return (policy.LoadBalancer, policy.OutlierDetection);
            foreach (var port in policy.PortLevelSettings)
            {
                yield return (port.LoadBalancer, port.OutlierDetection);
            }
        }
    }
}
