namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>TCP route match (also the non-SNI part of TLS matches).</summary>
public sealed record L4MatchAttributes
{
    public ImmutableArray<string> DestinationSubnets { get; init; } = [];

    public int Port { get; init; }

    public FrozenDictionary<string, string> SourceLabels { get; init; } = FrozenDictionary<string, string>.Empty;

    public string SourceNamespace { get; init; } = "";

    public ImmutableArray<string> Gateways { get; init; } = [];

    /// <summary>Read for completeness; istiod does not translate it, so it has no effect here either.</summary>
    public string SourceSubnet { get; init; } = "";

    /// <summary>TLS only: SNI hosts to match.</summary>
    public ImmutableArray<string> SniHosts { get; init; } = [];
}
