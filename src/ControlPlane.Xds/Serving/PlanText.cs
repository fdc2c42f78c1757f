namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Pushing;

/// <summary>The short type names of a push plan (e.g. <c>cds,eds,lds</c>), formatted only when a log line is written.</summary>
internal readonly struct PlanText(IReadOnlyList<PlannedType> plan)
{
    public override string ToString() => string.Join(",", plan.Select(p => TypeUrls.ShortName(p.TypeUrl)));
}
