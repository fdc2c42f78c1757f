namespace ControlPlane.Kubernetes.Mesh;

using System.Collections.Immutable;
using ControlPlane.Model.Mesh;
using YamlDotNet.RepresentationModel;

/// <summary>
/// MeshConfig's <c>tlsDefaults</c>: the ECDH curves and cipher suites istiod's <c>applyTLSDefaults</c> puts on
/// user-originated (SIMPLE, MUTUAL) upstream TLS. <c>minProtocolVersion</c> governs Istio mTLS only, which is not served
/// here yet, so it is reported as unused.
/// </summary>
internal static class MeshTlsDefaultsReader
{
    private const string Field = "tlsDefaults";

    public static MeshTlsDefaults? Read(YamlNode value, MeshConfigReadSession s)
    {
        if (s.Mapping(Field, value) is not { } map)
        {
            return null;
        }

        var defaults = MeshTlsDefaults.None;
        foreach (var (key, child) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var path = $"{Field}.{name}";
            defaults = name switch
            {
                "ecdhCurves" => Strings(path, child, s) is { } curves ? defaults with { EcdhCurves = curves } : defaults,
                "cipherSuites" => Strings(path, child, s) is { } ciphers ? defaults with { CipherSuites = ciphers } : defaults,
                _ => Unknown(path, defaults, s),
            };
        }

        return defaults;
    }

    private static ImmutableArray<string>? Strings(string path, YamlNode node, MeshConfigReadSession s)
    {
        if (s.Sequence(path, node) is not { } list)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in list.Children)
        {
            if (s.String(path, item) is { Length: > 0 } text)
            {
                builder.Add(text);
            }
        }

        return builder.ToImmutable();
    }

    private static MeshTlsDefaults Unknown(string path, MeshTlsDefaults defaults, MeshConfigReadSession s)
    {
        _ = s.Unused(path, MeshConfig.Default);
        return defaults;
    }
}
