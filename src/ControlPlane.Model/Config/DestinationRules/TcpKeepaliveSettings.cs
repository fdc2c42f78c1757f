namespace ControlPlane.Model.Config.DestinationRules;

/// <summary><c>connectionPool.tcp.tcpKeepalive</c>; unset fields keep the operating system's defaults.</summary>
public sealed record TcpKeepaliveSettings
{
    public uint Probes { get; init; }

    public TimeSpan? Time { get; init; }

    public TimeSpan? Interval { get; init; }
}
