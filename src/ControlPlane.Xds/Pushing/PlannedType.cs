namespace ControlPlane.Xds.Pushing;

/// <summary>
/// One type to send in a push. <see cref="OnlyHosts"/> (EDS on endpoint-only pushes) limits the push to the clusters of
/// those service hosts; null means the whole subscription. <see cref="AfterClusters"/> marks EDS that must follow a CDS
/// response of the same push (Envoy re-warms updated clusters and waits for their endpoints; envoyproxy/envoy#13009):
/// it is sent even when unchanged if CDS actually went out, and skipped otherwise unless <see cref="Affected"/>.
/// </summary>
internal sealed record PlannedType(string TypeUrl, IReadOnlySet<string>? OnlyHosts = null, bool AfterClusters = false, bool Affected = true);
