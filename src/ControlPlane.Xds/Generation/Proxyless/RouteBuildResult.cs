namespace ControlPlane.Xds.Generation.Proxyless;

using System.Collections.Immutable;
using Envoy.Config.Route.V3;

/// <summary>
/// The routes of one virtual host, and why VirtualService rules, matches or parts of kept rules were left out
/// (redirects, query-parameter matches, mirrors, CORS policies, ...): gRPC would reject, mis-evaluate or ignore them, so
/// they are skipped deterministically rather than sent.
/// </summary>
internal sealed record RouteBuildResult(ImmutableArray<Route> Routes, ImmutableArray<string> Skipped);
