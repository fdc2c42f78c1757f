namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

public sealed record TcpRoute(ImmutableArray<L4MatchAttributes> Match, ImmutableArray<RouteDestination> Route);
