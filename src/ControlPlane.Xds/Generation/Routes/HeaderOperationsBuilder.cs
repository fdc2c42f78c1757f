namespace ControlPlane.Xds.Generation.Routes;

using System.Collections.Immutable;
using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Core.V3;

/// <summary>
/// <c>TranslateHeadersOperations</c>: <c>set</c> overwrites, <c>add</c> appends, each sorted by name; pseudo headers and
/// <c>host</c> cannot be written, but a <c>:authority</c>/<c>host</c> value becomes the host rewrite.
/// </summary>
internal static class HeaderOperationsBuilder
{
    public static TranslatedHeaders Translate(HeaderOperations headers)
    {
        var (requestSet, setAuthority) = ToAdd(headers.Request.Set, append: false);
        var (requestAdd, addAuthority) = ToAdd(headers.Request.Add, append: true);
        var (responseSet, _) = ToAdd(headers.Response.Set, append: false);
        var (responseAdd, _) = ToAdd(headers.Response.Add, append: true);
        return new TranslatedHeaders(
            [.. requestSet, .. requestAdd],
            [.. responseSet, .. responseAdd],
            DropInternal(headers.Request.Remove),
            DropInternal(headers.Response.Remove),
            setAuthority ?? addAuthority ?? "");
    }

    private static (List<HeaderValueOption> Options, string? Authority) ToAdd(ImmutableDictionary<string, string> headers, bool append)
    {
        string? authority = null;
        var options = new List<HeaderValueOption>();
        foreach (var (key, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (key.Equals(":authority", StringComparison.OrdinalIgnoreCase) || key.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                authority = value;
            }

            if (IsInternal(key))
            {
                continue;
            }

            options.Add(new HeaderValueOption
            {
                Header = new HeaderValue { Key = key, Value = value },
                AppendAction = append
                    ? HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd
                    : HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd,
            });
        }

        return (options, authority);
    }

    private static List<string> DropInternal(ImmutableArray<string> keys) => keys.IsDefault ? [] : [.. keys.Where(k => !IsInternal(k))];

    private static bool IsInternal(string key) => key.StartsWith(':') || key.Equals("host", StringComparison.OrdinalIgnoreCase);
}
