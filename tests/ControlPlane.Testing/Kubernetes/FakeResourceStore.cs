namespace ControlPlane.Testing.Kubernetes;

using System.Globalization;
using System.Text.Json.Nodes;

/// <summary>
/// The fake API server's state, as etcd would hold it: one resourceVersion counter for every collection, each write
/// stamped with the next value and kept in a history from which a watch replays the events after its resourceVersion.
/// <see cref="Compact"/> drops the history, so watching from an older resourceVersion then answers 410 Gone. Objects are
/// stored once per group and resource and served at whichever version is asked for (apiVersion rewritten), as the API
/// server serves a multi-version CRD. <c>metadata.generation</c> starts at 1 and grows when anything but metadata and
/// status changes; a PUT to a resource with a status subresource keeps the stored status. Thread-safe.
/// </summary>
public sealed class FakeResourceStore(FakeApiDiscovery discovery)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedDictionary<(string Namespace, string Name), JsonObject>> collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> kinds = new(StringComparer.Ordinal);
    private readonly List<(long Version, string StorageKey, string Namespace, string Type, JsonObject Object)> history = [];
    private readonly List<FakeWatcher> watchers = [];
    private long revision = 1000;
    private long compacted;

    public FakeResourceStore()
        : this(new FakeApiDiscovery())
    {
    }

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
    public JsonObject Create(JsonObject value) => Write("ADDED", PathOf(value), value, checkVersion: false, keepStatus: false);

    /// <summary>
    /// Replaces an existing object, status included, whatever resourceVersion it carries, and returns it as stored: the
    /// cluster's state becoming this (a user's edit and a controller's status write in one), not one client's PUT.
    /// </summary>
    public JsonObject Update(JsonObject value) => Write("MODIFIED", PathOf(value), value, checkVersion: false, keepStatus: false);

    /// <summary>The stored object, as served at <paramref name="apiVersion"/>; null when absent.</summary>
    public JsonObject? Get(string apiVersion, string kind, string? ns, string name)
    {
        var path = PathOf(apiVersion, kind, ns, name);
        lock (gate)
        {
            return Find(path, name) is { } found ? Served(found, path) : null;
        }
    }

    public void Delete(string apiVersion, string kind, string? ns, string name)
    {
        lock (gate)
        {
            var path = PathOf(apiVersion, kind, ns, name);
            var key = (ns ?? "", name);
            if (!collections.TryGetValue(path.StorageKey, out var collection) || !collection.Remove(key, out var existing))
            {
                throw FakeApiException.NotFound(path, name);
            }

            revision++;
            existing["metadata"]!["resourceVersion"] = Text(revision);
            Record(path.StorageKey, key.Item1, "DELETED", existing);
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
                var bookmark = new JsonObject
                {
                    ["kind"] = kinds.GetValueOrDefault(watcher.Path.StorageKey, "Unknown"),
                    ["apiVersion"] = watcher.Path.ApiVersion,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = Text(revision) },
                };
                watcher.Lines.Writer.TryWrite(Line("BOOKMARK", bookmark, null));
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
                var copy = Served(item, path);
                if (IsBuiltIn(path))
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
                ["kind"] = kinds.GetValueOrDefault(path.StorageKey, "Unknown") + "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = Text(revision) },
                ["items"] = items,
            };
        }
    }

    /// <summary>GET of one object; 404 when absent.</summary>
    internal JsonObject Read(FakeResourcePath path)
    {
        lock (gate)
        {
            return Served(Find(path, path.Name!) ?? throw FakeApiException.NotFound(path, path.Name!), path);
        }
    }

    /// <summary>POST to a collection: 409 AlreadyExists when the name is taken.</summary>
    internal JsonObject CreateAt(FakeResourcePath path, JsonObject body)
    {
        var metadata = body["metadata"] as JsonObject ?? throw new FakeApiException(400, "BadRequest", "metadata is required");
        if (path.Namespace is not null)
        {
            metadata["namespace"] = path.Namespace;
        }

        metadata.Remove("resourceVersion");
        return Write("ADDED", path with { Name = (string?)metadata["name"] }, body, checkVersion: false, keepStatus: false);
    }

    /// <summary>PUT of one object: 404 when absent, 409 Conflict when the body's resourceVersion is set and not the stored one.</summary>
    internal JsonObject Replace(FakeResourcePath path, JsonObject body) => Write("MODIFIED", path, body, checkVersion: true, keepStatus: true);

    /// <summary>
    /// PATCH of the status subresource with a JSON merge patch (RFC 7386): only <c>status</c> changes (a resourceVersion
    /// in the patch's metadata is a precondition); generation stays. 404 when absent.
    /// </summary>
    internal JsonObject PatchStatus(FakeResourcePath path, JsonObject patch)
    {
        lock (gate)
        {
            var existing = Find(path, path.Name!) ?? throw FakeApiException.NotFound(path, path.Name!);
            if ((string?)patch["metadata"]?["resourceVersion"] is { } expected && expected != (string?)existing["metadata"]!["resourceVersion"])
            {
                throw FakeApiException.Conflict(path, path.Name!);
            }

            var next = existing.DeepClone().AsObject();
            if (patch.ContainsKey("status"))
            {
                var status = JsonMergePatch.Apply(next["status"]?.DeepClone(), patch["status"]);
                if (status is null)
                {
                    next.Remove("status");
                }
                else
                {
                    next["status"] = status;
                }
            }

            revision++;
            next["metadata"]!["resourceVersion"] = Text(revision);
            collections[path.StorageKey][(path.Namespace ?? "", path.Name!)] = next;
            Record(path.StorageKey, path.Namespace ?? "", "MODIFIED", next);
            return Served(next, path);
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
            var watcher = new FakeWatcher(path, bookmarks);
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var item in Items(path))
                {
                    watcher.Lines.Writer.TryWrite(Line("ADDED", item, path));
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

                foreach (var entry in history.Where(h => h.Version > from && Matches(watcher, h.StorageKey, h.Namespace)))
                {
                    watcher.Lines.Writer.TryWrite(Line(entry.Type, entry.Object, path));
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
                watcher.Lines.Writer.TryWrite(Line("ERROR", status, null));
                watcher.Lines.Writer.TryComplete();
            }
        }
    }

    /// <summary>
    /// Drops every open watch's connection. The watchers leave the list at once, under the lock: a write made after this
    /// returns must never reach a dropped stream, whose handler may not have noticed the cancellation yet.
    /// </summary>
    internal void DropWatches()
    {
        lock (gate)
        {
            foreach (var watcher in watchers)
            {
                watcher.Dropped.Cancel();
            }

            watchers.Clear();
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsBuiltIn(FakeResourcePath path) =>
        !path.Group.Contains('.', StringComparison.Ordinal) || path.Group.EndsWith("k8s.io", StringComparison.Ordinal);

    /// <summary>A copy of a stored object as served at the path's version.</summary>
    private static JsonObject Served(JsonObject stored, FakeResourcePath? path)
    {
        var copy = stored.DeepClone().AsObject();
        if (path is not null && copy.ContainsKey("apiVersion"))
        {
            copy["apiVersion"] = path.ApiVersion;
        }

        return copy;
    }

    private static string Line(string type, JsonObject value, FakeResourcePath? path) =>
        new JsonObject { ["type"] = type, ["object"] = Served(value, path) }.ToJsonString();

    private static bool Matches(FakeWatcher watcher, string storageKey, string ns) =>
        watcher.Path.StorageKey == storageKey && (watcher.Path.Namespace is null || watcher.Path.Namespace == ns);

    private static FakeResourcePath PathOf(JsonObject value)
    {
        var apiVersion = (string?)value["apiVersion"] ?? throw new ArgumentException("apiVersion is required", nameof(value));
        var kind = (string?)value["kind"] ?? throw new ArgumentException("kind is required", nameof(value));
        var metadata = value["metadata"] as JsonObject ?? throw new ArgumentException("metadata is required", nameof(value));
        var name = (string?)metadata["name"] ?? throw new ArgumentException("metadata.name is required", nameof(value));
        return PathOf(apiVersion, kind, (string?)metadata["namespace"], name);
    }

    private static FakeResourcePath PathOf(string apiVersion, string kind, string? ns, string name)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        return new FakeResourcePath(group, version, FakeResourcePath.PluralOf(kind), ns, name);
    }

    /// <summary>The object without the parts whose change does not move <c>metadata.generation</c>.</summary>
    private static string SpecOf(JsonObject value)
    {
        var copy = value.DeepClone().AsObject();
        copy.Remove("metadata");
        copy.Remove("status");
        copy.Remove("apiVersion");
        return copy.ToJsonString();
    }

    private JsonObject? Find(FakeResourcePath path, string name) =>
        collections.TryGetValue(path.StorageKey, out var collection) && collection.TryGetValue((path.Namespace ?? "", name), out var found)
            ? found
            : null;

    private IEnumerable<JsonObject> Items(FakeResourcePath path) =>
        collections.TryGetValue(path.StorageKey, out var collection)
            ? collection.Where(p => path.Namespace is null || p.Key.Namespace == path.Namespace).Select(p => p.Value)
            : [];

    private JsonObject Write(string type, FakeResourcePath path, JsonObject value, bool checkVersion, bool keepStatus)
    {
        lock (gate)
        {
            var copy = value.DeepClone().AsObject();
            var kind = (string?)copy["kind"] ?? kinds.GetValueOrDefault(path.StorageKey) ?? throw new FakeApiException(400, "BadRequest", "kind is required");
            copy["apiVersion"] = path.ApiVersion;
            copy["kind"] = kind;
            var metadata = copy["metadata"] as JsonObject ?? throw new FakeApiException(400, "BadRequest", "metadata is required");
            var name = (string?)metadata["name"] ?? throw new FakeApiException(400, "BadRequest", "metadata.name is required");
            var key = (path.Namespace ?? (string?)metadata["namespace"] ?? "", name);
            kinds[path.StorageKey] = kind;
            if (!collections.TryGetValue(path.StorageKey, out var collection))
            {
                collections[path.StorageKey] = collection = [];
            }

            var exists = collection.TryGetValue(key, out var existing);
            if (exists && type == "ADDED")
            {
                throw FakeApiException.AlreadyExists(path, name);
            }

            if (!exists && type == "MODIFIED")
            {
                throw FakeApiException.NotFound(path, name);
            }

            var storedVersion = (string?)existing?["metadata"]?["resourceVersion"];
            if (checkVersion && (string?)metadata["resourceVersion"] is { Length: > 0 } sent && sent != storedVersion)
            {
                throw FakeApiException.Conflict(path, name);
            }

            if (keepStatus && existing is not null && discovery.HasStatus(path))
            {
                // The status subresource owns status: a write to the main resource keeps the stored one.
                copy.Remove("status");
                if (existing["status"] is { } status)
                {
                    copy["status"] = status.DeepClone();
                }
            }

            revision++;
            var generation = existing is null ? 1 : (long?)existing["metadata"]?["generation"] ?? 1;
            metadata["generation"] = existing is not null && SpecOf(existing) != SpecOf(copy) ? generation + 1 : generation;
            metadata["resourceVersion"] = Text(revision);
            metadata["uid"] = (string?)existing?["metadata"]?["uid"] ?? Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = existing?["metadata"]?["creationTimestamp"]?.DeepClone() ?? metadata["creationTimestamp"]?.DeepClone() ?? "2026-01-01T00:00:00Z";
            collection[key] = copy;
            Record(path.StorageKey, key.Item1, type, copy);
            return Served(copy, path);
        }
    }

    private void Record(string storageKey, string ns, string type, JsonObject value)
    {
        var stored = value.DeepClone().AsObject();
        history.Add((revision, storageKey, ns, type, stored));
        foreach (var watcher in watchers.Where(w => Matches(w, storageKey, ns)))
        {
            watcher.Lines.Writer.TryWrite(Line(type, stored, watcher.Path));
        }
    }
}
