namespace ControlPlane.FunctionalTests.Cli;

/// <summary>A fact that reads Istio's reference data; skipped, with the reason, when it is absent.</summary>
internal sealed class ValidateSharedDataFactAttribute : FactAttribute
{
    public ValidateSharedDataFactAttribute()
    {
        if (ValidateSharedData.Istio is null)
        {
            Skip = ValidateSharedData.MissingReason;
        }
    }
}
