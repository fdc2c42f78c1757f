namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>One <c>http</c> rule: matched in order, first match wins.</summary>
public sealed record HttpRoute
{
    public string Name { get; init; } = "";

    /// <summary>OR of the match requests; empty matches everything.</summary>
    public ImmutableArray<HttpMatchRequest> Match { get; init; } = [];

    public ImmutableArray<HttpRouteDestination> Route { get; init; } = [];

    public HttpRedirect? Redirect { get; init; }

    /// <summary>Set instead of <see cref="Route"/> and <see cref="Redirect"/> when the proxy answers the request itself.</summary>
    public HttpDirectResponse? DirectResponse { get; init; }

    public HttpRewrite? Rewrite { get; init; }

    public TimeSpan? Timeout { get; init; }

    public HttpRetry? Retries { get; init; }

    public HeaderOperations? Headers { get; init; }

    public HttpFaultInjection? Fault { get; init; }

    /// <summary><c>mirror</c> (with its percentage) or the <c>mirrors</c> list, in order; the two are exclusive.</summary>
    public ImmutableArray<HttpMirrorPolicy> Mirrors { get; init; } = [];

    public CorsPolicy? CorsPolicy { get; init; }

    /// <summary>Set on a root VirtualService's rule instead of an action: the delegate's routes take its place.</summary>
    public VirtualServiceDelegate? Delegate { get; init; }
}
