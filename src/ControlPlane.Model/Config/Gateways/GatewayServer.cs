namespace ControlPlane.Model.Config.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Services;

public sealed record GatewayServer(int Port, Protocol Protocol, string PortName, ImmutableArray<string> Hosts)
{
    public string Name { get; init; } = "";

    public string Bind { get; init; } = "";

    public GatewayTlsSettings? Tls { get; init; }
}
