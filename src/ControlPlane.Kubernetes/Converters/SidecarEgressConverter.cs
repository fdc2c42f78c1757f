namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Sidecars;

/// <summary>Sidecar <c>egress</c> listeners.</summary>
internal static class SidecarEgressConverter
{
    public static SidecarEgressListener Convert(FieldReader egress)
    {
        var hosts = egress.Strings("hosts", required: true);
        for (var i = 0; i < hosts.Length; i++)
        {
            if (NamespacedHost.Check(hosts[i], sidecar: true) is { } problem)
            {
                egress.Error($"hosts[{i}]", problem);
            }
        }

        var bind = egress.String("bind") ?? "";
        var port = egress.Object("port") is { } p ? SidecarPortConverter.ConvertPort(p, egress: true) : null;
        if (port is not null)
        {
            SidecarPortConverter.CheckBind(egress, bind);
        }

        return new SidecarEgressListener(hosts)
        {
            Port = port,
            Bind = bind,
            CaptureMode = egress.Enum("captureMode", SidecarPortConverter.CaptureModes) ?? CaptureMode.Default,
        };
    }

    /// <summary>
    /// istiod: only one egress listener may lack a port, and it must come last (it is the catch-all); port numbers of
    /// IP-bound listeners are unique.
    /// </summary>
    public static void CheckListeners(FieldReader spec, ImmutableArray<SidecarEgressListener> egress)
    {
        var ports = new HashSet<int>();
        for (var i = 0; i < egress.Length; i++)
        {
            if (egress[i].Port is null && i < egress.Length - 1)
            {
                spec.Error($"egress[{i}]", "an egress listener without a port is the catch-all and must be the last one");
            }
            else if (egress[i].Port is { } port && !ports.Add(port.Number))
            {
                spec.Error($"egress[{i}].port.number", $"ports on IP bound listeners must be unique: {port.Number} is used twice");
            }
        }
    }
}
