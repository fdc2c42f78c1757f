namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>
/// Istio CorsPolicy. The deprecated <c>allowOrigin</c> strings arrive here as exact matches, as istiod translates them.
/// </summary>
public sealed record CorsPolicy
{
    public ImmutableArray<StringMatch> AllowOrigins { get; init; } = [];

    public ImmutableArray<string> AllowMethods { get; init; } = [];

    public ImmutableArray<string> AllowHeaders { get; init; } = [];

    public ImmutableArray<string> ExposeHeaders { get; init; } = [];

    public TimeSpan? MaxAge { get; init; }

    public bool? AllowCredentials { get; init; }

    /// <summary><c>unmatchedPreflights: IGNORE</c>; otherwise unmatched preflights are forwarded upstream.</summary>
    public bool IgnoreUnmatchedPreflights { get; init; }
}
