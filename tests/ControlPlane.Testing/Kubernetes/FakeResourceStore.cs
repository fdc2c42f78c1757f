namespace ControlPlane.Testing.Kubernetes;

using System.Globalization;
using System.Text.Json.Nodes;

/// <summary>
/// The fake API server's state, as etcd would hold it: one resourceVersion counter for every collection, each write
/// stamped with the next value and kept in a history from which a watch replays the events after its resourceVersion.
/// <see cref="Compact"/> drops the history, so watching from an older resourceVersion then answers 410 Gone. Thread-safe.
/// </summary>
public sealed class FakeResourceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedDictionary<(string Namespace, string Name), JsonObject>> collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> kinds = new(StringComparer.Ordinal);
    private readonly List<(long Version, string Resource, string Namespace, string Line)> history = [];
    private readonly List<FakeWatcher> watchers = [];
    private long revision = 1000;
    private long compacted;

    public long ResourceVersion
    {
        get
        {
            lock (gate)
            {
                return revision;
            }
        }
    }

    public int WatcherCount
    {
        get
        {
            lock (gate)
            {
                return watchers.Count;
            }
        }
    }

    /// <summary>Creates an object (apiVersion, kind and metadata.name required) and returns it as stored.</summary>
    public JsonObject Create(JsonObject value) => Write("ADDED", value);

    /// <summary>Replaces an existing object and returns it as stored.</summary>
    public JsonObject Update(JsonObject value) => Write("MODIFIED", value);

    public void Delete(string apiVersion, string kind, string? ns, string name)
    {
        lock (gate)
        {
            var resource = FakeResourcePath.ResourceOf(apiVersion, kind);
            var key = (ns ?? "", name);
            if (!collections.TryGetValue(resource, out var collection) || !collection.Remove(key, out var existing))
            {
                throw new InvalidOperationException($"{kind} {ns}/{name} does not exist");
            }

            revision++;
            existing["metadata"]!["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
            Record(resource, key.Item1, "DELETED", existing);
        }
    }

    /// <summary>Forgets the event history: a watch from any resourceVersion before now gets 410 Gone.</summary>
    public void Compact()
    {
        lock (gate)
        {
            compacted = revision;
            history.Clear();
        }
    }

    /// <summary>Sends a BOOKMARK carrying the current resourceVersion to every watch that allowed bookmarks.</summary>
    public void SendBookmarks()
    {
        lock (gate)
        {
            foreach (var watcher in watchers.Where(w => w.Bookmarks))
            {
                var parts = watcher.Resource.Split('/');
                var bookmark = new JsonObject
                {
                    ["kind"] = kinds.GetValueOrDefault(watcher.Resource, "Unknown"),
                    ["apiVersion"] = string.Join('/', parts[..^1]),
                    ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
                };
                watcher.Lines.Writer.TryWrite(Line("BOOKMARK", bookmark));
            }
        }
    }

    internal JsonObject List(FakeResourcePath path)
    {
        lock (gate)
        {
            var items = new JsonArray();
            foreach (var item in Items(path))
            {
                var copy = item.DeepClone().AsObject();
                if (!path.Group.Contains('.', StringComparison.Ordinal) || path.Group.EndsWith("k8s.io", StringComparison.Ordinal))
                {
                    // Built-in kinds are listed without per-item type metadata; custom resources keep theirs.
                    copy.Remove("apiVersion");
                    copy.Remove("kind");
                }

                items.Add(copy);
            }

            return new JsonObject
            {
                ["apiVersion"] = path.ApiVersion,
                ["kind"] = kinds.GetValueOrDefault(path.Resource, "Unknown") + "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
                ["items"] = items,
            };
        }
    }

    /// <summary>
    /// Opens a watch from <paramref name="resourceVersion"/>: queues the events after it (or, with none or "0", an ADDED
    /// per current object), then every later one. Null when that resourceVersion was compacted away (410 Gone).
    /// </summary>
    internal FakeWatcher? Watch(FakeResourcePath path, string? resourceVersion, bool bookmarks)
    {
        lock (gate)
        {
            var watcher = new FakeWatcher(path.Resource, path.Namespace, bookmarks);
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var item in Items(path))
                {
                    watcher.Lines.Writer.TryWrite(Line("ADDED", item));
                }
            }
            else
            {
                var from = long.Parse(resourceVersion, CultureInfo.InvariantCulture);
                if (from < compacted)
                {
                    watcher.Dispose();
                    return null;
                }

                foreach (var entry in history.Where(h => h.Version > from && Matches(watcher, h.Resource, h.Namespace)))
                {
                    watcher.Lines.Writer.TryWrite(entry.Line);
                }
            }

            watchers.Add(watcher);
            return watcher;
        }
    }

    internal void Unregister(FakeWatcher watcher)
    {
        lock (gate)
        {
            watchers.Remove(watcher);
        }
    }

    /// <summary>Ends every open watch cleanly once the events already queued for it are written, as a server-side timeout does.</summary>
    internal void CloseWatches()
    {
        lock (gate)
        {
            foreach (var watcher in watchers)
            {
                watcher.Lines.Writer.TryComplete();
            }
        }
    }

    /// <summary>Ends every open watch with an ERROR event carrying <paramref name="status"/>, as an API server reports a failure mid-watch.</summary>
    internal void FailWatches(JsonObject status)
    {
        lock (gate)
        {
            foreach (var watcher in watchers)
            {
                watcher.Lines.Writer.TryWrite(Line("ERROR", status));
                watcher.Lines.Writer.TryComplete();
            }
        }
    }

    internal void DropWatches()
    {
        lock (gate)
        {
            foreach (var watcher in watchers)
            {
                watcher.Dropped.Cancel();
            }
        }
    }

    private static string Line(string type, JsonObject value) =>
        new JsonObject { ["type"] = type, ["object"] = value.DeepClone() }.ToJsonString();

    private static bool Matches(FakeWatcher watcher, string resource, string ns) =>
        watcher.Resource == resource && (watcher.Namespace is null || watcher.Namespace == ns);

    private IEnumerable<JsonObject> Items(FakeResourcePath path) =>
        collections.TryGetValue(path.Resource, out var collection)
            ? collection.Where(p => path.Namespace is null || p.Key.Namespace == path.Namespace).Select(p => p.Value)
            : [];

    private JsonObject Write(string type, JsonObject value)
    {
        lock (gate)
        {
            var copy = value.DeepClone().AsObject();
            var apiVersion = (string?)copy["apiVersion"] ?? throw new ArgumentException("apiVersion is required", nameof(value));
            var kind = (string?)copy["kind"] ?? throw new ArgumentException("kind is required", nameof(value));
            var metadata = copy["metadata"] as JsonObject ?? throw new ArgumentException("metadata is required", nameof(value));
            var key = ((string?)metadata["namespace"] ?? "", (string?)metadata["name"] ?? throw new ArgumentException("metadata.name is required", nameof(value)));
            var resource = FakeResourcePath.ResourceOf(apiVersion, kind);
            kinds[resource] = kind;
            if (!collections.TryGetValue(resource, out var collection))
            {
                collections[resource] = collection = [];
            }

            var exists = collection.TryGetValue(key, out var existing);
            if (exists == (type == "ADDED"))
            {
                throw new InvalidOperationException($"{kind} {key.Item1}/{key.Item2} {(exists ? "already exists" : "does not exist")}");
            }

            revision++;
            metadata["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
            metadata["uid"] = (string?)existing?["metadata"]?["uid"] ?? Guid.NewGuid().ToString();
            metadata["creationTimestamp"] ??= existing?["metadata"]?["creationTimestamp"]?.DeepClone() ?? "2026-01-01T00:00:00Z";
            collection[key] = copy;
            Record(resource, key.Item1, type, copy);
            return copy.DeepClone().AsObject();
        }
    }

    private void Record(string resource, string ns, string type, JsonObject value)
    {
        var line = Line(type, value);
        history.Add((revision, resource, ns, line));
        foreach (var watcher in watchers.Where(w => Matches(w, resource, ns)))
        {
            watcher.Lines.Writer.TryWrite(line);
        }
    }
}
