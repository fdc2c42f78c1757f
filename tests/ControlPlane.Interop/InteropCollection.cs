namespace ControlPlane.Interop;

/// <summary>
/// All interop tests share one control plane and one set of backends, and run one after another: the config-change test
/// rewrites files the control plane watches.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropFixture>
{
    public const string Name = "interop";
}
