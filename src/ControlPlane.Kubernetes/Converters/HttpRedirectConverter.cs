namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio HTTPRedirect with istiod's <c>validateHTTPRedirect</c>; <c>port</c> and <c>derivePort</c> are one field (a oneof).</summary>
internal static class HttpRedirectConverter
{
    private static readonly FrozenDictionary<string, RedirectPortSelection> PortSelections = new Dictionary<string, RedirectPortSelection>
    {
        ["FROM_PROTOCOL_DEFAULT"] = RedirectPortSelection.FromProtocolDefault,
        ["FROM_REQUEST_PORT"] = RedirectPortSelection.FromRequestPort,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static HttpRedirect Convert(FieldReader redirect)
    {
        var uri = redirect.String("uri") ?? "";
        var authority = redirect.String("authority") ?? "";
        var scheme = redirect.String("scheme") ?? "";
        if (scheme is not ("" or "http" or "https"))
        {
            redirect.Error("scheme", $"invalid redirect scheme '{scheme}', must be \"http\" or \"https\"");
        }

        var port = redirect.Int("port", 1, 65535) ?? 0;
        var code = redirect.Int("redirectCode", 300, 399) ?? 0;
        var derivePort = redirect.Enum("derivePort", PortSelections);
        if (redirect.Has("port") && redirect.Has("derivePort"))
        {
            redirect.Error("derivePort", "only one of port and derivePort may be set");
        }

        if (uri.Length == 0 && authority.Length == 0 && scheme.Length == 0 && !redirect.Has("port") && !redirect.Has("derivePort"))
        {
            redirect.Error("", "redirect must specify URI, authority, scheme, or port");
        }

        return new HttpRedirect(uri, authority, code) { Scheme = scheme, Port = port, DerivePort = derivePort };
    }
}
