namespace ControlPlane.Xds.Generation;

using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;

/// <summary>One named resource, packed in an Any whose type URL is the response's type URL.</summary>
internal sealed record NamedResource(string Name, Any Resource);

/// <summary>A generator's output for one proxy and type.</summary>
internal sealed record GeneratedResources(ImmutableArray<NamedResource> Resources)
{
    public static readonly GeneratedResources Empty = new(ImmutableArray<NamedResource>.Empty);
}
