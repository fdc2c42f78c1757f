namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>A TLS passthrough route; every match carries SNI hosts.</summary>
public sealed record TlsRoute(ImmutableArray<L4MatchAttributes> Match, ImmutableArray<RouteDestination> Route);
