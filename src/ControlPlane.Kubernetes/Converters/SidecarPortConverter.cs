namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Net;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;

/// <summary>The <c>port</c>, <c>bind</c> and <c>captureMode</c> fields Sidecar ingress and egress listeners share.</summary>
internal static class SidecarPortConverter
{
    public static readonly FrozenDictionary<string, CaptureMode> CaptureModes =
        new Dictionary<string, CaptureMode>(StringComparer.Ordinal)
        {
            ["DEFAULT"] = CaptureMode.Default, ["IPTABLES"] = CaptureMode.IpTables, ["NONE"] = CaptureMode.None,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// <c>validateSidecar{Ingress,Egress}Port...</c>: a number, an optional known protocol (none = detected), an optional
    /// port name. <c>targetPort</c> is rejected as istiod rejects it: it has no effect on sidecars. Egress ports may be 0,
    /// which names a Unix domain socket listener (its bind is checked by <see cref="SidecarEgressConverter"/>).
    /// </summary>
    public static SidecarPort? ConvertPort(FieldReader port, bool egress)
    {
        var number = port.Int("number", egress ? 0 : 1, 65535, required: true);
        var protocol = IstioPortConverter.ReadProtocol(port, required: false) ?? Protocol.Unsupported;
        var name = port.String("name") ?? "";
        if (name.Length > 0 && KubeNames.CheckLabel(name) is not null)
        {
            port.Error("name", $"invalid port name: {name}");
        }

        if (port.Int("targetPort", 0) > 0)
        {
            port.Error("targetPort", "targetPort has no impact on Sidecars");
        }

        return number is null ? null : new SidecarPort(number.Value, protocol, name);
    }

    /// <summary>A listener bound to a port listens on an IP address.</summary>
    public static void CheckBind(FieldReader listener, string bind)
    {
        if (bind.Length > 0 && !IPAddress.TryParse(bind, out _))
        {
            listener.Error("bind", $"'{bind}' is not a valid IP address");
        }
    }
}
