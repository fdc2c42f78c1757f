namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Xds.Pushing;

internal sealed class FakeTargetSource(params IPushTarget[] targets) : IPushTargetSource
{
    public IReadOnlyCollection<IPushTarget> Targets { get; } = targets;
}
