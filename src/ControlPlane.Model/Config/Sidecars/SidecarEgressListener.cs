namespace ControlPlane.Model.Config.Sidecars;

using System.Collections.Immutable;

/// <summary>An egress entry: hosts in <c>namespace/dnsName</c> form, optionally on one port.</summary>
public sealed record SidecarEgressListener(ImmutableArray<string> Hosts)
{
    public SidecarPort? Port { get; init; }

    public string Bind { get; init; } = "";

    public CaptureMode CaptureMode { get; init; } = CaptureMode.Default;
}
