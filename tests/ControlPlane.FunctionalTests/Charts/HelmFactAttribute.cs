namespace ControlPlane.FunctionalTests.Charts;

/// <summary>A fact that runs the helm CLI; skipped, with the reason, where helm is not on PATH.</summary>
internal sealed class HelmFactAttribute : FactAttribute
{
    public HelmFactAttribute()
    {
        if (ExternalTool.Find("helm") is null)
        {
            Skip = "helm is not installed";
        }
    }
}
