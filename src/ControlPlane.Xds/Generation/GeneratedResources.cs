namespace ControlPlane.Xds.Generation;

using System.Collections.Immutable;

/// <summary>A generator's output for one proxy and type.</summary>
internal sealed record GeneratedResources(ImmutableArray<NamedResource> Resources)
{
    public static readonly GeneratedResources Empty = new(ImmutableArray<NamedResource>.Empty);
}
