namespace ControlPlane.Xds.Pushing;

/// <summary>The connected streams a push may go to.</summary>
internal interface IPushTargetSource
{
    /// <summary>A point-in-time copy; connections opened later read the newest push context themselves.</summary>
    IReadOnlyCollection<IPushTarget> Targets { get; }
}
