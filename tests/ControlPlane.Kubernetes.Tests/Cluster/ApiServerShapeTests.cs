namespace ControlPlane.Kubernetes.Tests.Cluster;

using System.Text.Json.Nodes;

/// <summary>
/// Objects shaped as an API server returns them (defaulted fields, managedFields, owner references, status) convert
/// without a single problem: the cluster source must not report noise for what users never wrote.
/// </summary>
public sealed class ApiServerShapeTests
{
    [Fact]
    public async Task Objects_as_the_api_server_returns_them_convert_without_problems()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        foreach (var json in new[] { Namespace, Service, Pod, Slice, Node })
        {
            h.Server.Store.Create(JsonNode.Parse(json)!.AsObject());
        }

        await h.StartAndSyncAsync();

        Assert.Empty(h.Source.Problems.Select(p => p.ToString()));
        var endpoint = Assert.Single(h.Store.Current.Endpoints[ClusterSourceHarness.Key("shop", "reviews")].Endpoints);
        Assert.Equal("10.244.1.5", endpoint.Address);
        Assert.Equal("reviews-v1-7d9c-xk2lp", endpoint.WorkloadName);
    }

    private const string Metadata = """
        "uid": "0b5e6c1e-1f7c-4a57-9a8e-1d2f3c4b5a69", "generation": 1,
        "managedFields": [{"manager": "kubectl-client-side-apply", "operation": "Update", "apiVersion": "v1", "time": "2026-01-01T00:00:00Z", "fieldsType": "FieldsV1", "fieldsV1": {"f:metadata": {}}}]
        """;

    private const string Namespace = $$$"""
        {"apiVersion": "v1", "kind": "Namespace",
         "metadata": {"name": "shop", "labels": {"kubernetes.io/metadata.name": "shop", "istio-injection": "enabled"}, {{{Metadata}}}},
         "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}
        """;

    private const string Service = $$$"""
        {"apiVersion": "v1", "kind": "Service",
         "metadata": {"name": "reviews", "namespace": "shop", "labels": {"app": "reviews"},
                      "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}"}, {{{Metadata}}}},
         "spec": {"type": "ClusterIP", "clusterIP": "10.96.12.34", "clusterIPs": ["10.96.12.34"], "ipFamilies": ["IPv4"],
                  "ipFamilyPolicy": "SingleStack", "internalTrafficPolicy": "Cluster", "sessionAffinity": "None",
                  "selector": {"app": "reviews"},
                  "ports": [{"name": "http", "port": 9080, "protocol": "TCP", "targetPort": 9080}]},
         "status": {"loadBalancer": {} } }
        """;

    private const string Pod = $$$"""
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "reviews-v1-7d9c-xk2lp", "generateName": "reviews-v1-7d9c-", "namespace": "shop",
                      "labels": {"app": "reviews", "version": "v1", "pod-template-hash": "7d9c", "security.istio.io/tlsMode": "istio"},
                      "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "reviews-v1-7d9c", "uid": "1", "controller": true, "blockOwnerDeletion": true}],
                      {{{Metadata}}}},
         "spec": {"serviceAccountName": "bookinfo-reviews", "nodeName": "node-a", "restartPolicy": "Always", "dnsPolicy": "ClusterFirst",
                  "containers": [{"name": "reviews", "image": "reviews:1", "imagePullPolicy": "IfNotPresent",
                                  "ports": [{"containerPort": 9080, "protocol": "TCP"}], "resources": {}}]},
         "status": {"phase": "Running", "podIP": "10.244.1.5", "podIPs": [{"ip": "10.244.1.5"}], "hostIP": "172.18.0.2",
                    "qosClass": "BestEffort", "startTime": "2026-01-01T00:00:00Z",
                    "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2026-01-01T00:00:00Z"}]}}
        """;

    private const string Slice = $$$"""
        {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
         "metadata": {"name": "reviews-abcde", "generateName": "reviews-", "namespace": "shop",
                      "labels": {"kubernetes.io/service-name": "reviews", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io"},
                      "ownerReferences": [{"apiVersion": "v1", "kind": "Service", "name": "reviews", "uid": "2", "controller": true, "blockOwnerDeletion": true}],
                      {{{Metadata}}}},
         "addressType": "IPv4",
         "endpoints": [{"addresses": ["10.244.1.5"], "conditions": {"ready": true, "serving": true, "terminating": false},
                        "nodeName": "node-a", "zone": "eu-west-1a",
                        "targetRef": {"kind": "Pod", "namespace": "shop", "name": "reviews-v1-7d9c-xk2lp", "uid": "3"}}],
         "ports": [{"name": "http", "port": 9080, "protocol": "TCP"}]}
        """;

    private const string Node = $$$"""
        {"apiVersion": "v1", "kind": "Node",
         "metadata": {"name": "node-a", "labels": {"topology.kubernetes.io/region": "eu-west", "topology.kubernetes.io/zone": "eu-west-1a",
                      "kubernetes.io/hostname": "node-a"}, {{{Metadata}}}},
         "spec": {"podCIDR": "10.244.1.0/24"},
         "status": {"addresses": [{"type": "InternalIP", "address": "172.18.0.2"}]}}
        """;
}
