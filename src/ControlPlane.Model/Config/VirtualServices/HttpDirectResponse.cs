namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPDirectResponse: the route answers itself with <see cref="Status"/> and an optional body.</summary>
public sealed record HttpDirectResponse(int Status, string Body = "");
