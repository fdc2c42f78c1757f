namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio StringMatch (<c>exact</c> | <c>prefix</c> | <c>regex</c>) and maps of them (headers, queryParams).</summary>
internal static class StringMatchConverter
{
    /// <summary>Regex that any value matches: an empty header match <c>{}</c> means "header present".</summary>
    public const string AnyValue = ".*";

    public static StringMatch? Read(FieldReader parent, string field) =>
        parent.Object(field) is { } match ? Convert(match, allowEmpty: false) : null;

    /// <summary>One StringMatch object of a list (CORS allowOrigins).</summary>
    public static StringMatch? ReadItem(FieldReader match) => Convert(match, allowEmpty: false);

    /// <summary>A map keyed by header or parameter name; header names are checked when <paramref name="headerNames"/> is set.</summary>
    public static ImmutableDictionary<string, StringMatch> ReadMap(FieldReader parent, string field, bool headerNames = false)
    {
        var map = parent.Object(field);
        if (map is null)
        {
            return ImmutableDictionary<string, StringMatch>.Empty;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, StringMatch>(StringComparer.Ordinal);
        foreach (var name in map.Keys())
        {
            if (headerNames && HttpHeaderNames.CheckMatchName(name) is { } nameProblem)
            {
                map.Error(name, nameProblem);
            }

            if (map.Object(name, required: true) is { } entry && Convert(entry, allowEmpty: true) is { } match)
            {
                builder[name] = match;
            }
        }

        return builder.ToImmutable();
    }

    private static StringMatch? Convert(FieldReader match, bool allowEmpty)
    {
        var candidates = new (StringMatchKind Kind, string? Value)[]
        {
            (StringMatchKind.Exact, match.String("exact")),
            (StringMatchKind.Prefix, match.String("prefix")),
            (StringMatchKind.Regex, match.String("regex")),
        };
        var set = candidates.Where(c => c.Value is not null).ToList();
        if (set.Count == 1)
        {
            if (set[0].Kind == StringMatchKind.Regex && (set[0].Value!.Length == 0 ? "must not be empty" : Re2Syntax.Check(set[0].Value!)) is { } regexProblem)
            {
                match.Error("regex", regexProblem);
                return null;
            }

            if (!allowEmpty && set[0].Kind == StringMatchKind.Prefix && set[0].Value!.Length == 0)
            {
                match.Error("prefix", "prefix string match should not be empty");
                return null;
            }

            return new StringMatch(set[0].Kind, set[0].Value!);
        }

        if (set.Count == 0 && allowEmpty)
        {
            return new StringMatch(StringMatchKind.Regex, AnyValue);
        }

        match.Error("", set.Count == 0
            ? "needs one of exact, prefix or regex"
            : "must set only one of exact, prefix or regex");
        return null;
    }
}
