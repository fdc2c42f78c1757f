namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>
/// istiod's <c>resolveGatewayName</c>: a gateway reference as <c>namespace/name</c>. A bare name is in the referring
/// object's namespace; the legacy <c>name.namespace[.svc.suffix]</c> form names <c>namespace/name</c>; <c>./name</c> is
/// the referring namespace; <c>mesh</c> stays as it is.
/// </summary>
public static class GatewayNames
{
    public const string Mesh = "mesh";

    public static string Resolve(string name, string ns)
    {
        if (name == Mesh)
        {
            return name;
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return name[..slash] == "." ? $"{ns}/{name[(slash + 1)..]}" : name;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return $"{ns}/{name}";
        }

        var rest = name[(dot + 1)..];
        var next = rest.IndexOf('.', StringComparison.Ordinal);
        return $"{(next < 0 ? rest : rest[..next])}/{name[..dot]}";
    }

    public static ImmutableArray<string> ResolveAll(ImmutableArray<string> names, string ns) =>
        names.IsDefaultOrEmpty ? [] : [.. names.Select(n => Resolve(n, ns))];
}
