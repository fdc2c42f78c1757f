namespace ControlPlane.Model.Config.Sidecars;

using ControlPlane.Model.Services;

public sealed record SidecarPort(int Number, Protocol Protocol, string Name);
