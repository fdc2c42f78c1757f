namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio CorsPolicy with istiod's checks (<c>validateCORSPolicy</c>): non-empty origin matches, methods from Go's list
/// (or <c>*</c>), header names as tokens (or <c>*</c>), a max age of whole seconds.
/// </summary>
internal static partial class CorsPolicyConverter
{
    private static readonly FrozenSet<string> Methods = new[]
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE", "*",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] PreflightModes = ["UNSPECIFIED", "FORWARD", "IGNORE"];

    public static CorsPolicy Convert(FieldReader cors)
    {
        var origins = ReadOrigins(cors);
        var methods = cors.Strings("allowMethods");
        for (var i = 0; i < methods.Length; i++)
        {
            if (!Methods.Contains(methods[i]))
            {
                cors.Error($"allowMethods[{i}]", $"\"{methods[i]}\" is not a supported HTTP method");
            }
        }

        var maxAge = IstioDurationRules.Read(cors, "maxAge");
        if (maxAge is { } age && age.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            cors.Error("maxAge", "max_age duration is accurate only to seconds precision");
        }

        return new CorsPolicy
        {
            AllowOrigins = origins,
            AllowMethods = methods,
            AllowHeaders = HeaderNames(cors, "allowHeaders"),
            ExposeHeaders = HeaderNames(cors, "exposeHeaders"),
            MaxAge = maxAge,
            AllowCredentials = cors.Bool("allowCredentials"),
            IgnoreUnmatchedPreflights = cors.OneOf("unmatchedPreflights", PreflightModes) == "IGNORE",
        };
    }

    /// <summary><c>allowOrigins</c> wins; the deprecated <c>allowOrigin</c> strings become exact matches, as in istiod.</summary>
    private static ImmutableArray<StringMatch> ReadOrigins(FieldReader cors)
    {
        var legacy = cors.Strings("allowOrigin");
        if (!cors.Has("allowOrigins"))
        {
            return [.. legacy.Select(origin => new StringMatch(StringMatchKind.Exact, origin))];
        }

        var builder = ImmutableArray.CreateBuilder<StringMatch>();
        foreach (var entry in cors.Objects("allowOrigins"))
        {
            if (StringMatchConverter.ReadItem(entry) is not { } match)
            {
                continue;
            }

            if (match.Value.Length == 0)
            {
                entry.Error("", "'' is not a valid match type for CORS allow origins");
                continue;
            }

            builder.Add(match);
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<string> HeaderNames(FieldReader cors, string field)
    {
        var names = cors.Strings(field);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (name.Length == 0)
            {
                cors.Error($"{field}[{i}]", "header name cannot be empty");
            }
            else if (name != "*" && !Token().IsMatch(name))
            {
                cors.Error($"{field}[{i}]", $"header name {name} is not a valid header name");
            }
        }

        return names;
    }

    [GeneratedRegex("^[-_A-Za-z0-9]+$")]
    private static partial Regex Token();
}
