namespace ControlPlane.Kubernetes.Validation;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Model.Config;

/// <summary>
/// Typed, path-tracking access to one JSON object of an input document. Every accessor validates the type (and range)
/// and reports problems under the full field path, e.g. <c>spec.http[0].route[1].weight</c>, returning null so the
/// caller can carry on and collect every problem of the object in one pass.
/// </summary>
internal sealed partial class FieldReader
{
    private readonly JsonObject node;
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);
    private bool strict;

    internal FieldReader(JsonObject node, string path, ReadContext context, bool strict)
    {
        this.node = node;
        this.strict = strict;
        Path = path;
        Context = context;
        context.Track(this);
    }

    public string Path { get; }

    public ReadContext Context { get; }

    /// <summary>Stops unknown-field warnings for this object and the objects read through it (large Kubernetes specs).</summary>
    public FieldReader Lenient()
    {
        strict = false;
        return this;
    }

    public string PathOf(string name) => name.Length == 0 ? Path : Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>The field names present, for maps keyed by user-chosen names (header names, port names).</summary>
    public IReadOnlyList<string> Keys() => node.Select(pair => pair.Key).ToList();

    public bool Has(string name) => node.TryGetPropertyValue(name, out var value) && value is not null;

    /// <summary>The raw value, marked as read; reports it missing when <paramref name="required"/>.</summary>
    public JsonNode? Raw(string name, bool required = false)
    {
        consumed.Add(name);
        if (node.TryGetPropertyValue(name, out var value) && value is not null)
        {
            return value;
        }

        if (required)
        {
            Error(name, "is required");
        }

        return null;
    }

    public string? String(string name, bool required = false)
    {
        var value = Raw(name, required);
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
        {
            if (required && text.Length == 0)
            {
                Error(name, "must not be empty");
                return null;
            }

            return text;
        }

        TypeError(name, value, "a string");
        return null;
    }

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue, bool required = false)
    {
        var value = Raw(name, required);
        return value is null ? null : CheckInt(name, value, min, max);
    }

    public bool? Bool(string name)
    {
        var value = Raw(name);
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        TypeError(name, value, "true or false");
        return null;
    }

    public TimeSpan? Duration(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (GoDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        Error(name, $"'{text}' is not a valid duration (use forms like 1s, 0.5s, 100ms, 1h2m3s)");
        return null;
    }

    public T? Enum<T>(string name, IReadOnlyDictionary<string, T> values, bool required = false)
        where T : struct
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (values.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(name, $"'{text}' is not one of {string.Join(", ", values.Keys)}");
        return null;
    }

    /// <summary>A string restricted to <paramref name="values"/> (Kubernetes enums, kept as strings).</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> values, bool required = false)
    {
        var text = String(name, required);
        if (text is null || values.Contains(text))
        {
            return text;
        }

        Error(name, $"'{text}' is not one of {string.Join(", ", values)}");
        return null;
    }

    public FieldReader? Object(string name, bool required = false)
    {
        var value = Raw(name, required);
        if (value is null)
        {
            return null;
        }

        if (value is JsonObject child)
        {
            return new FieldReader(child, PathOf(name), Context, strict);
        }

        TypeError(name, value, "an object");
        return null;
    }

    /// <summary>The items of an array of objects, each with its indexed path; <paramref name="required"/> also refuses an empty array.</summary>
    public IReadOnlyList<FieldReader> Objects(string name, bool required = false)
    {
        var items = Items(name, required);
        var readers = new List<FieldReader>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject child)
            {
                readers.Add(new FieldReader(child, $"{PathOf(name)}[{i}]", Context, strict));
            }
            else
            {
                TypeError($"{name}[{i}]", items[i], "an object");
            }
        }

        return readers;
    }

    public ImmutableArray<T> Array<T>(string name, Func<FieldReader, T?> convert, bool required = false)
        where T : class
    {
        var builder = ImmutableArray.CreateBuilder<T>();
        foreach (var item in Objects(name, required))
        {
            if (convert(item) is { } converted)
            {
                builder.Add(converted);
            }
        }

        return builder.ToImmutable();
    }

    public ImmutableArray<string> Strings(string name, bool required = false)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        var items = Items(name, required);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            {
                builder.Add(text);
            }
            else
            {
                TypeError($"{name}[{i}]", items[i], "a string");
            }
        }

        return builder.ToImmutable();
    }

    public FrozenDictionary<string, string> StringMap(string name, bool required = false)
    {
        var entries = Entries(name, required);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            {
                result[key] = text;
            }
            else
            {
                TypeError(KeyPath(name, key), value, "a string (quote numbers and booleans)");
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public FrozenDictionary<string, int> IntMap(string name, int min, int max)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(name, required: false))
        {
            if (value is not null && CheckInt(KeyPath(name, key), value, min, max) is { } number)
            {
                result[key] = number;
            }
            else if (value is null)
            {
                TypeError(KeyPath(name, key), value, "an integer");
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Fields of the Istio API this control plane does not implement: accepted, ignored, and reported.</summary>
    public void Unsupported(params string[] names)
    {
        foreach (var name in names)
        {
            if (Raw(name) is not null)
            {
                Warning(name, "is not supported by this control plane and is ignored");
            }
        }
    }

    /// <summary>Valid fields that have no bearing on the mesh: accepted silently.</summary>
    public void Ignore(params string[] names)
    {
        foreach (var name in names)
        {
            consumed.Add(name);
        }
    }

    public void Error(string name, string message) =>
        Context.Problems.Error(PathOf(name), Context.WithLine(message, NodeAt(name)));

    public void Warning(string name, string message) =>
        Context.Problems.Warning(PathOf(name), Context.WithLine(message, NodeAt(name)));

    internal void ReportUnknown()
    {
        if (!strict)
        {
            return;
        }

        foreach (var (key, _) in node)
        {
            if (!consumed.Contains(key))
            {
                Warning(key, "unknown field; ignored");
            }
        }
    }
}
