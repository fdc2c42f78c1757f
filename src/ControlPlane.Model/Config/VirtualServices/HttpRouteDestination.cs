namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>A weighted destination of an HTTP route. <see cref="Weight"/> 0 with a single destination means 100.</summary>
public sealed record HttpRouteDestination(Destination Destination, int Weight)
{
    public HeaderOperations? Headers { get; init; }
}
