namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config;

/// <summary>
/// Istio's two selector shapes: Sidecar and ServiceEntry use <c>networking.WorkloadSelector</c>
/// (<c>workloadSelector: {labels: ...}</c>); DestinationRule uses <c>type.WorkloadSelector</c> (<c>{matchLabels: ...}</c>).
/// </summary>
internal static class WorkloadSelectorConverter
{
    public const string Labels = "labels";
    public const string MatchLabels = "matchLabels";

    public static WorkloadSelector? Read(FieldReader spec, string labelsField, string field = "workloadSelector")
    {
        var selector = spec.Object(field);
        if (selector is null)
        {
            return null;
        }

        var labels = selector.StringMap(labelsField);
        foreach (var (key, value) in labels)
        {
            if (key.Length == 0 || key.Contains('*', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal))
            {
                selector.Error(labelsField, $"'{key}: {value}': label keys must not be empty and wildcards are not allowed in selectors");
            }
        }

        if (labels.Count == 0)
        {
            // istiod accepts an empty selector with this warning; it then selects every workload of the namespace.
            selector.Warning(labelsField, "workload selector specified without labels: it selects every workload in the namespace");
        }

        return new WorkloadSelector(labels);
    }
}
