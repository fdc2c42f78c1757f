namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>One <c>match</c> entry: all of its conditions must hold.</summary>
public sealed record HttpMatchRequest
{
    public string Name { get; init; } = "";

    public StringMatch? Uri { get; init; }

    public StringMatch? Scheme { get; init; }

    public StringMatch? Method { get; init; }

    public StringMatch? Authority { get; init; }

    public ImmutableDictionary<string, StringMatch> Headers { get; init; } = ImmutableDictionary<string, StringMatch>.Empty;

    public ImmutableDictionary<string, StringMatch> WithoutHeaders { get; init; } = ImmutableDictionary<string, StringMatch>.Empty;

    public ImmutableDictionary<string, StringMatch> QueryParams { get; init; } = ImmutableDictionary<string, StringMatch>.Empty;

    /// <summary>Restricts the rule to one service port (0 = any).</summary>
    public int Port { get; init; }

    public FrozenDictionary<string, string> SourceLabels { get; init; } = FrozenDictionary<string, string>.Empty;

    public string SourceNamespace { get; init; } = "";

    public ImmutableArray<string> Gateways { get; init; } = [];

    public bool IgnoreUriCase { get; init; }

    /// <summary>Envoy's per-route <c>stat_prefix</c> for the route this match becomes.</summary>
    public string StatPrefix { get; init; } = "";
}
