namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config;

/// <summary>Istio <c>workloadSelector: {matchLabels: ...}</c>.</summary>
internal static class WorkloadSelectorConverter
{
    public static WorkloadSelector? Read(FieldReader spec, string field = "workloadSelector")
    {
        var selector = spec.Object(field);
        if (selector is null)
        {
            return null;
        }

        var labels = selector.StringMap("matchLabels");
        if (labels.Count == 0)
        {
            selector.Error("matchLabels", "must name at least one label; omit the selector to select every workload");
        }

        return new WorkloadSelector(labels);
    }
}
