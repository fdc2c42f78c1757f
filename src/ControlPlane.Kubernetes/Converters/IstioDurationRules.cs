namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;

/// <summary>istiod's <c>agent.ValidateDuration</c>: at least 1 ms, and no finer than milliseconds (Envoy's precision).</summary>
internal static class IstioDurationRules
{
    public static TimeSpan? Read(FieldReader parent, string field)
    {
        var duration = parent.Duration(field);
        if (duration is not { } value)
        {
            return null;
        }

        if (value < TimeSpan.FromMilliseconds(1))
        {
            parent.Error(field, "duration must be greater than 1ms");
            return null;
        }

        if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            parent.Error(field, "only durations to ms precision are supported");
            return null;
        }

        return value;
    }
}
