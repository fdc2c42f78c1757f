namespace ControlPlane.Xds.Generation.Naming;

/// <summary>The parts of a subset key: direction (<c>outbound</c>/<c>inbound</c>), port, subset and host.</summary>
internal sealed record ParsedClusterName(string Direction, int Port, string Subset, string Hostname)
{
    public bool IsOutbound => Direction == ClusterName.OutboundDirection;
}
