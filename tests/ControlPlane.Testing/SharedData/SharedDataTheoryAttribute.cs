namespace ControlPlane.Testing.SharedData;

/// <summary>A theory over Istio's reference data; skipped, with the reason, when the data is absent.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Istio is null)
        {
            Skip = SharedData.MissingReason;
        }
    }
}
