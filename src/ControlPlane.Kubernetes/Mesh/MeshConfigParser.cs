namespace ControlPlane.Kubernetes.Mesh;

using System.Collections.Immutable;
using System.Globalization;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Mesh;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Reads istiod's mesh config (the <c>mesh</c> key of the <c>istio</c> ConfigMap, or a <c>--mesh-config</c> file) into
/// a <see cref="MeshConfig"/>. Absent fields keep istiod's defaults; fields this control plane does not read yet are
/// warnings, not failures, so an existing istiod config is accepted as it is; a field of the wrong type is an error
/// naming it. Stateless and thread-safe.
/// </summary>
public static class MeshConfigParser
{
    /// <summary>Fields read elsewhere (by the proxy's agent or injector), which need no warning.</summary>
    private static readonly ImmutableHashSet<string> Ignored = ["defaultConfig"];

    public static MeshConfigParseResult Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var session = new MeshConfigReadSession();
        var root = ReadRoot(yaml, session);
        var mesh = MeshConfig.Default;
        if (root is not null)
        {
            foreach (var (key, value) in root.Children)
            {
                mesh = ReadField(mesh, ((YamlScalarNode)key).Value ?? "", value, session);
            }
        }

        return new MeshConfigParseResult(mesh, session.Warnings, session.Errors);
    }

    private static YamlMappingNode? ReadRoot(string yaml, MeshConfigReadSession session)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            session.Error($"invalid YAML at line {ex.Start.Line}: {ex.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (stream.Documents[0].RootNode is YamlMappingNode map)
        {
            return map;
        }

        session.Error("mesh config: expected a mapping");
        return null;
    }

    private static MeshConfig ReadField(MeshConfig mesh, string field, YamlNode value, MeshConfigReadSession s) => field switch
    {
        "rootNamespace" => s.String(field, value) is { } v ? mesh with { RootNamespace = v } : mesh,
        "trustDomain" => s.String(field, value) is { } v ? mesh with { TrustDomain = v } : mesh,
        "connectTimeout" => s.Duration(field, value) is { } v ? mesh with { ConnectTimeout = v } : mesh,
        "protocolDetectionTimeout" => s.Duration(field, value) is { } v ? mesh with { ProtocolDetectionTimeout = v } : mesh,
        "dnsRefreshRate" => s.Duration(field, value) is { } v ? mesh with { DnsRefreshRate = v } : mesh,
        "proxyListenPort" => s.Port(field, value) is { } v ? mesh with { ProxyListenPort = v } : mesh,
        "proxyInboundListenPort" => s.Port(field, value) is { } v ? mesh with { ProxyInboundListenPort = v } : mesh,
        "enableAutoMtls" => s.Bool(field, value) is { } v ? mesh with { EnableAutoMtls = v } : mesh,
        "outboundTrafficPolicy" => ReadOutboundPolicy(value, s) is { } v ? mesh with { OutboundTrafficPolicy = v } : mesh,
        "inboundTrafficPolicy" => ReadInboundPolicy(value, s) is { } v ? mesh with { InboundTrafficPolicy = v } : mesh,
        "discoverySelectors" => MeshSelectorReader.Read(field, value, s) is { } v ? mesh with { DiscoverySelectors = v } : mesh,
        "localityLbSetting" => MeshLocalityLbReader.Read(value, s) is { } v ? mesh with { LocalityLbSetting = v } : mesh,
        "h2UpgradePolicy" => ReadH2UpgradePolicy(value, s) is { } v ? mesh with { H2UpgradePolicy = v } : mesh,
        "tcpKeepalive" => MeshTcpKeepaliveReader.Read(value, s) is { } v ? mesh with { TcpKeepalive = v } : mesh,
        "tlsDefaults" => MeshTlsDefaultsReader.Read(value, s) is { } v ? mesh with { TlsDefaults = v } : mesh,
        _ when Ignored.Contains(field) => mesh,
        _ => s.Unused(field, mesh),
    };

    /// <summary>A policy without <c>mode</c> is PASSTHROUGH, the enum's zero value.</summary>
    private static InboundTrafficPolicyMode? ReadInboundPolicy(YamlNode value, MeshConfigReadSession s)
    {
        const string field = "inboundTrafficPolicy.mode";
        if (s.Mapping("inboundTrafficPolicy", value) is not { } map)
        {
            return null;
        }

        if (!map.Children.TryGetValue(new YamlScalarNode("mode"), out var mode))
        {
            return InboundTrafficPolicyMode.Passthrough;
        }

        return s.String(field, mode) switch
        {
            null => null,
            "PASSTHROUGH" => InboundTrafficPolicyMode.Passthrough,
            "LOCALHOST" => InboundTrafficPolicyMode.Localhost,
            var other => s.ErrorValue<InboundTrafficPolicyMode>(field, $"'{other}' is not PASSTHROUGH or LOCALHOST"),
        };
    }

    private static H2UpgradePolicy? ReadH2UpgradePolicy(YamlNode value, MeshConfigReadSession s) => s.String("h2UpgradePolicy", value) switch
    {
        null => null,
        "DO_NOT_UPGRADE" => H2UpgradePolicy.DoNotUpgrade,
        "UPGRADE" => H2UpgradePolicy.Upgrade,
        var other => s.ErrorValue<H2UpgradePolicy>("h2UpgradePolicy", $"'{other}' is not DO_NOT_UPGRADE or UPGRADE"),
    };

    private static OutboundTrafficPolicyMode? ReadOutboundPolicy(YamlNode value, MeshConfigReadSession s)
    {
        const string field = "outboundTrafficPolicy.mode";
        if (s.Mapping("outboundTrafficPolicy", value) is not { } map)
        {
            return null;
        }

        if (!map.Children.TryGetValue(new YamlScalarNode("mode"), out var mode))
        {
            return OutboundTrafficPolicyMode.AllowAny;
        }

        return s.String(field, mode) switch
        {
            null => null,
            "ALLOW_ANY" => OutboundTrafficPolicyMode.AllowAny,
            "REGISTRY_ONLY" => OutboundTrafficPolicyMode.RegistryOnly,
            var other => s.ErrorValue<OutboundTrafficPolicyMode>(field, string.Create(CultureInfo.InvariantCulture, $"'{other}' is not ALLOW_ANY or REGISTRY_ONLY")),
        };
    }
}
