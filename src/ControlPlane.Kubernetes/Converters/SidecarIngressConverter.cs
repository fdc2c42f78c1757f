namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;

/// <summary>Sidecar <c>ingress</c> entries and inbound connection pools, with istiod's checks.</summary>
internal static class SidecarIngressConverter
{
    private static readonly FrozenSet<string> DefaultEndpointHosts =
        new[] { "", "127.0.0.1", "0.0.0.0", "::1", "::" }.ToFrozenSet(StringComparer.Ordinal);

    public static SidecarIngressListener? Convert(FieldReader ingress)
    {
        var port = ingress.Object("port", required: true) is { } p ? SidecarPortConverter.ConvertPort(p, egress: false) : null;
        var bind = ingress.String("bind") ?? "";
        SidecarPortConverter.CheckBind(ingress, bind);
        var defaultEndpoint = ingress.String("defaultEndpoint") ?? "";
        CheckDefaultEndpoint(ingress, defaultEndpoint);
        if (ingress.Object("tls") is { } tls)
        {
            SidecarIngressTlsChecks.Check(ingress, tls, port?.Protocol ?? Protocol.Unsupported);
        }

        var poolReader = ingress.Object("connectionPool");
        var pool = poolReader is null ? null : ConvertPool(poolReader);
        if (poolReader is not null && port is not null && !port.Protocol.IsHttp() && poolReader.Has("http"))
        {
            ingress.Warning("connectionPool.http", string.Create(CultureInfo.InvariantCulture,
                $"HTTP connection pool settings are configured for port {port.Number} (\"{port.Name}\") but its protocol is not HTTP; only TCP settings will apply"));
        }

        return port is null ? null : new SidecarIngressListener(port)
        {
            Bind = bind,
            CaptureMode = ingress.Enum("captureMode", SidecarPortConverter.CaptureModes) ?? CaptureMode.Default,
            DefaultEndpoint = defaultEndpoint,
            ConnectionPool = pool,
        };
    }

    /// <summary><c>validateConnectionPool</c>: tcp and http settings, at least one of them.</summary>
    public static ConnectionPoolSettings ConvertPool(FieldReader pool)
    {
        if (!pool.Has("tcp") && !pool.Has("http"))
        {
            pool.Error("", "connection pool must have at least one field (tcp or http)");
        }

        return ConnectionPoolConverter.Convert(pool);
    }

    /// <summary>Ingress port numbers are unique: each becomes one inbound cluster <c>inbound|port||</c>.</summary>
    public static void CheckPorts(FieldReader spec, ImmutableArray<SidecarIngressListener> ingress)
    {
        var ports = new HashSet<int>();
        for (var i = 0; i < ingress.Length; i++)
        {
            if (!ports.Add(ingress[i].Port.Number))
            {
                spec.Error($"ingress[{i}].port.number", $"ports on IP bound listeners must be unique: {ingress[i].Port.Number} is used twice");
            }
        }
    }

    /// <summary><c>unix://</c> and an absolute path or abstract socket, or <c>host:port</c> with a loopback or wildcard host.</summary>
    private static void CheckDefaultEndpoint(FieldReader ingress, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (value.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = value["unix://".Length..];
            if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || !(path.StartsWith('/') || path.StartsWith('@')))
            {
                ingress.Error("defaultEndpoint", $"'{value}': a unix address must be an absolute path to a file or an abstract socket (@name)");
            }

            return;
        }

        if (!TrySplitHostPort(value, out var host, out var port) || !DefaultEndpointHosts.Contains(host))
        {
            ingress.Error("defaultEndpoint", $"'{value}': defaultEndpoint must be of form 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, unix://filepath or unset");
        }
        else if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            ingress.Error("defaultEndpoint", $"'{value}': the port must be a number between 1 and 65535");
        }
    }

    /// <summary>Go's <c>net.SplitHostPort</c>: <c>[v6]:port</c> or <c>host:port</c> with no other colon.</summary>
    private static bool TrySplitHostPort(string value, out string host, out string port)
    {
        host = "";
        port = "";
        if (value.StartsWith('['))
        {
            var close = value.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            (host, port) = (value[1..close], value[(close + 2)..]);
            return true;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || value.LastIndexOf(':') != colon)
        {
            return false;
        }

        (host, port) = (value[..colon], value[(colon + 1)..]);
        return true;
    }
}
