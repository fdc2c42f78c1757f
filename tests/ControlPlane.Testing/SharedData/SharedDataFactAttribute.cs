namespace ControlPlane.Testing.SharedData;

/// <summary>A fact that reads Istio's reference data; skipped, with the reason, when the data is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Istio is null)
        {
            Skip = SharedData.MissingReason;
        }
    }
}
