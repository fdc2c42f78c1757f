namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Sidecars;

/// <summary>Sidecar <c>egress</c> listeners.</summary>
internal static class SidecarEgressConverter
{
    private const string UnixPrefix = "unix://";

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
        var captureMode = egress.Enum("captureMode", SidecarPortConverter.CaptureModes) ?? CaptureMode.Default;
        var port = egress.Object("port") is { } p ? SidecarPortConverter.ConvertPort(p, egress: true) : null;
        if (port is { Number: 0 })
        {
            CheckUnixSocketListener(egress, bind, captureMode);
        }
        else if (port is not null)
        {
            SidecarPortConverter.CheckBind(egress, bind);
        }

        return new SidecarEgressListener(hosts) { Port = port, Bind = bind, CaptureMode = captureMode };
    }

    /// <summary>
    /// istiod: only one egress listener may lack a port, and it must come last (it is the catch-all); port numbers of
    /// IP-bound listeners are unique, and so are the sockets of Unix domain socket (port 0) listeners.
    /// </summary>
    public static void CheckListeners(FieldReader spec, ImmutableArray<SidecarEgressListener> egress)
    {
        var ports = new HashSet<int>();
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < egress.Length; i++)
        {
            if (egress[i].Port is null && i < egress.Length - 1)
            {
                spec.Error($"egress[{i}]", "an egress listener without a port is the catch-all and must be the last one");
            }
            else if (egress[i].Port is { Number: 0 } && !sockets.Add(egress[i].Bind))
            {
                spec.Error($"egress[{i}].bind", $"unix domain socket values for listeners must be unique: {egress[i].Bind} is used twice");
            }
            else if (egress[i].Port is { Number: > 0 } port && !ports.Add(port.Number))
            {
                spec.Error($"egress[{i}].port.number", $"ports on IP bound listeners must be unique: {port.Number} is used twice");
            }
        }
    }

    /// <summary>
    /// istiod (<c>validateSidecarEgressPortBindAndCaptureMode</c>, port 0): the listener is a Unix domain socket, so the bind
    /// must be <c>unix://</c> with an absolute file path or an abstract socket (<c>@name</c>), and there is no iptables
    /// capture to choose.
    /// </summary>
    private static void CheckUnixSocketListener(FieldReader egress, string bind, CaptureMode captureMode)
    {
        if (!bind.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            egress.Error("bind", "ports with 0 value must have a unix domain socket bind address");
        }
        else if (UnixPathProblem(bind[UnixPrefix.Length..]) is { } problem)
        {
            egress.Error("bind", problem);
        }

        if (captureMode is not (CaptureMode.Default or CaptureMode.None))
        {
            egress.Error("captureMode", "captureMode must be DEFAULT/NONE for unix domain socket listeners");
        }
    }

    /// <summary>istiod's <c>ValidateUnixAddress</c>, which uses Unix path rules whatever the OS it runs on.</summary>
    private static string? UnixPathProblem(string path) =>
        path.Length == 0 ? "unix address must not be empty"
        : path.StartsWith('@') ? null
        : !path.StartsWith('/') || path.EndsWith('/') ? $"{path} is not an absolute path to a file"
        : null;
}
