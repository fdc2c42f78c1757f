namespace ControlPlane.Testing.Kubernetes;

using System.Text.Json.Nodes;

/// <summary>
/// Which group versions and resources the fake API server serves, answered on the discovery endpoints (<c>/apis</c>,
/// <c>/apis/{group}</c>, <c>/apis/{group}/{version}</c>) in the API server's shapes. The preferred version of a group is
/// its highest by Kubernetes version priority (GA, then beta, then alpha), as the API server orders CRD versions. A request
/// for a registered group at a version (or resource) not served is answered 404, as by an API server; groups never
/// registered are not checked. By default: the core kinds the cluster source reads, EndpointSlices, Leases, and Istio's
/// networking kinds at v1, v1beta1 and v1alpha3 with a status subresource (the CRDs of Istio 1.22 and later). Thread-safe.
/// </summary>
public sealed class FakeApiDiscovery
{
    public const string IstioGroup = "networking.istio.io";

    private static readonly string[] IstioVersions = ["v1", "v1beta1", "v1alpha3"];

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, List<FakeApiResource>>> groups = new(StringComparer.Ordinal);

    public FakeApiDiscovery()
    {
        Serve("", "v1",
            new("namespaces", "Namespace", Namespaced: false, HasStatus: true),
            new("services", "Service", HasStatus: true),
            new("pods", "Pod", HasStatus: true),
            new("nodes", "Node", Namespaced: false, HasStatus: true),
            new("configmaps", "ConfigMap"));
        Serve("discovery.k8s.io", "v1", new FakeApiResource("endpointslices", "EndpointSlice"));
        Serve("coordination.k8s.io", "v1", new FakeApiResource("leases", "Lease"));
        foreach (var version in IstioVersions)
        {
            Serve(IstioGroup, version, IstioResources());
        }
    }

    /// <summary>The networking.istio.io kinds the cluster source reads, each with a status subresource.</summary>
    public static FakeApiResource[] IstioResources() =>
    [
        new("virtualservices", "VirtualService", HasStatus: true),
        new("destinationrules", "DestinationRule", HasStatus: true),
        new("sidecars", "Sidecar", HasStatus: true),
        new("serviceentries", "ServiceEntry", HasStatus: true),
        new("workloadentries", "WorkloadEntry", HasStatus: true),
        new("gateways", "Gateway", HasStatus: true),
    ];

    /// <summary>Serves <paramref name="resources"/> at <paramref name="group"/>/<paramref name="version"/> (replacing what was served there).</summary>
    public void Serve(string group, string version, params FakeApiResource[] resources)
    {
        lock (gate)
        {
            if (!groups.TryGetValue(group, out var versions))
            {
                groups[group] = versions = new(StringComparer.Ordinal);
            }

            versions[version] = [.. resources];
        }
    }

    /// <summary>Serves the group at exactly <paramref name="versions"/>, with the resources it had (Istio's kinds for networking.istio.io).</summary>
    public void ServeOnly(string group, params string[] versions)
    {
        lock (gate)
        {
            var resources = groups.TryGetValue(group, out var existing) && existing.Count > 0
                ? existing.Values.First()
                : group == IstioGroup ? [.. IstioResources()] : [];
            groups[group] = versions.ToDictionary(v => v, _ => resources.ToList(), StringComparer.Ordinal);
        }
    }

    /// <summary>False when the path's group is registered but does not serve its version or resource; true otherwise.</summary>
    public bool Serves(FakeResourcePath path)
    {
        lock (gate)
        {
            if (!groups.TryGetValue(path.Group, out var versions))
            {
                return true;
            }

            return versions.TryGetValue(path.Version, out var resources) && resources.Any(r => r.Plural == path.Plural);
        }
    }

    /// <summary>Whether the path's resource has a status subresource (writes to the main resource then keep the stored status).</summary>
    public bool HasStatus(FakeResourcePath path)
    {
        lock (gate)
        {
            return groups.TryGetValue(path.Group, out var versions)
                && versions.TryGetValue(path.Version, out var resources)
                && resources.Any(r => r.Plural == path.Plural && r.HasStatus);
        }
    }

    /// <summary>The served versions of a group, highest priority first.</summary>
    public IReadOnlyList<string> Versions(string group)
    {
        lock (gate)
        {
            return groups.TryGetValue(group, out var versions) ? [.. versions.Keys.OrderBy(v => v, KubeVersionComparer.Instance)] : [];
        }
    }

    /// <summary><c>/apis</c>: an APIGroupList of every named group.</summary>
    internal JsonObject GroupList()
    {
        lock (gate)
        {
            var list = new JsonArray();
            foreach (var name in groups.Keys.Where(g => g.Length > 0).Order(StringComparer.Ordinal))
            {
                list.Add(GroupLocked(name));
            }

            return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = list };
        }
    }

    /// <summary><c>/apis/{group}</c>: an APIGroup, or null when the group is not served.</summary>
    internal JsonObject? Group(string name)
    {
        lock (gate)
        {
            if (!groups.ContainsKey(name) || name.Length == 0)
            {
                return null;
            }

            var group = GroupLocked(name);
            group["kind"] = "APIGroup";
            group["apiVersion"] = "v1";
            return group;
        }
    }

    /// <summary><c>/apis/{group}/{version}</c>: an APIResourceList (with a <c>plural/status</c> entry per status subresource), or null.</summary>
    internal JsonObject? ResourceList(string group, string version)
    {
        lock (gate)
        {
            if (!groups.TryGetValue(group, out var versions) || !versions.TryGetValue(version, out var resources))
            {
                return null;
            }

            var list = new JsonArray();
            foreach (var r in resources)
            {
                list.Add(new JsonObject
                {
                    ["name"] = r.Plural,
                    ["singularName"] = r.Kind.ToLowerInvariant(),
                    ["namespaced"] = r.Namespaced,
                    ["kind"] = r.Kind,
                    ["verbs"] = new JsonArray("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"),
                });
                if (r.HasStatus)
                {
                    list.Add(new JsonObject
                    {
                        ["name"] = $"{r.Plural}/status",
                        ["singularName"] = "",
                        ["namespaced"] = r.Namespaced,
                        ["kind"] = r.Kind,
                        ["verbs"] = new JsonArray("get", "patch", "update"),
                    });
                }
            }

            var groupVersion = group.Length == 0 ? version : $"{group}/{version}";
            return new JsonObject { ["kind"] = "APIResourceList", ["apiVersion"] = "v1", ["groupVersion"] = groupVersion, ["resources"] = list };
        }
    }

    private JsonObject GroupLocked(string name)
    {
        var ordered = groups[name].Keys.OrderBy(v => v, KubeVersionComparer.Instance).ToList();
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{name}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = name,
            ["versions"] = new JsonArray([.. ordered.Select(v => (JsonNode)Version(v))]),
            ["preferredVersion"] = ordered.Count > 0 ? Version(ordered[0]) : null,
        };
    }
}
