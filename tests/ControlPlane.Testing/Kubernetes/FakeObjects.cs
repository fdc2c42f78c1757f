namespace ControlPlane.Testing.Kubernetes;

using System.Text.Json.Nodes;

/// <summary>Small Kubernetes objects as JSON, the form the fake API server stores.</summary>
public static class FakeObjects
{
    public static JsonObject Namespace(string name, IReadOnlyDictionary<string, string>? labels = null) =>
        Object("v1", "Namespace", null, name, labels);

    public static JsonObject Pod(string ns, string name, string ip, IReadOnlyDictionary<string, string>? labels = null, string? node = null)
    {
        var pod = Object("v1", "Pod", ns, name, labels);
        pod["spec"] = new JsonObject
        {
            ["nodeName"] = node,
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "app:1" }),
        };
        pod["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["podIP"] = ip,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        };
        return pod;
    }

    public static JsonObject Service(string ns, string name, int port, IReadOnlyDictionary<string, string> selector, string clusterIp = "10.96.0.10")
    {
        var service = Object("v1", "Service", ns, name, null);
        var selectorJson = new JsonObject();
        foreach (var (key, value) in selector)
        {
            selectorJson[key] = value;
        }

        service["spec"] = new JsonObject
        {
            ["clusterIP"] = clusterIp,
            ["selector"] = selectorJson,
            ["ports"] = new JsonArray(new JsonObject { ["name"] = $"http-{port}", ["port"] = port, ["targetPort"] = port, ["protocol"] = "TCP" }),
        };
        return service;
    }

    /// <summary>A discovery.k8s.io/v1 EndpointSlice of <paramref name="service"/> with one ready endpoint per pod (name, IP).</summary>
    public static JsonObject EndpointSlice(string ns, string name, string service, int port, params (string Pod, string Ip)[] endpoints)
    {
        var slice = Object("discovery.k8s.io/v1", "EndpointSlice", ns, name, new Dictionary<string, string> { ["kubernetes.io/service-name"] = service });
        slice["addressType"] = "IPv4";
        slice["endpoints"] = new JsonArray([.. endpoints.Select(e => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(e.Ip),
            ["conditions"] = new JsonObject { ["ready"] = true },
            ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = ns, ["name"] = e.Pod },
        })]);
        slice["ports"] = new JsonArray(new JsonObject { ["name"] = $"http-{port}", ["port"] = port, ["protocol"] = "TCP" });
        return slice;
    }

    public static JsonObject Node(string name, string region, string zone) =>
        Object("v1", "Node", null, name, new Dictionary<string, string>
        {
            ["topology.kubernetes.io/region"] = region,
            ["topology.kubernetes.io/zone"] = zone,
        });

    /// <summary>A networking.istio.io/v1 object of <paramref name="kind"/> with <paramref name="spec"/>.</summary>
    public static JsonObject Istio(string kind, string ns, string name, JsonObject spec)
    {
        var value = Object("networking.istio.io/v1", kind, ns, name, null);
        value["spec"] = spec;
        return value;
    }

    public static JsonObject Object(string apiVersion, string kind, string? ns, string name, IReadOnlyDictionary<string, string>? labels)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (labels is not null)
        {
            var labelsJson = new JsonObject();
            foreach (var (key, value) in labels)
            {
                labelsJson[key] = value;
            }

            metadata["labels"] = labelsJson;
        }

        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }
}
