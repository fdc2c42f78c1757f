namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Immutable;

/// <summary>consistentHash: exactly one hash key source; ring hash unless <see cref="Maglev"/>.</summary>
public sealed record ConsistentHashSettings
{
    public string HttpHeaderName { get; init; } = "";

    public string HttpCookieName { get; init; } = "";

    public string HttpCookiePath { get; init; } = "";

    public TimeSpan? HttpCookieTtl { get; init; }

    public ImmutableArray<HttpCookieAttribute> HttpCookieAttributes { get; init; } = [];

    public bool UseSourceIp { get; init; }

    public string HttpQueryParameterName { get; init; } = "";

    public ulong MinimumRingSize { get; init; }

    public bool Maglev { get; init; }

    /// <summary><c>maglev.tableSize</c>; 0 leaves Envoy's default table.</summary>
    public ulong MaglevTableSize { get; init; }
}
