namespace ControlPlane.Kubernetes.Tests.Cluster;

using ControlPlane.Kubernetes.Cluster;
using k8s;
using k8s.Models;

/// <summary>Objects and CRDs the k3s tests create. The CRDs are minimal stand-ins for Istio's (schema-less, v1 served).</summary>
internal static class K3sFixtures
{
    public static async Task InstallIstioCrdsAsync(IKubernetes client)
    {
        foreach (var (kind, plural) in ClusterInformers.IstioKinds)
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(new V1CustomResourceDefinition
            {
                Metadata = new V1ObjectMeta { Name = $"{plural}.networking.istio.io" },
                Spec = new V1CustomResourceDefinitionSpec
                {
                    Group = "networking.istio.io",
                    Scope = "Namespaced",
                    Names = new V1CustomResourceDefinitionNames { Kind = kind, Plural = plural, Singular = kind.ToLowerInvariant() },
                    Versions =
                    [
                        new V1CustomResourceDefinitionVersion
                        {
                            Name = "v1",
                            Served = true,
                            Storage = true,
                            Schema = new V1CustomResourceValidation
                            {
                                OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true },
                            },
                        },
                    ],
                },
            });
        }

        // Creating a custom object before its CRD is established fails; wait for every one to be served.
        await UntilAsync(
            async () =>
            {
                foreach (var (_, plural) in ClusterInformers.IstioKinds)
                {
                    var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync($"{plural}.networking.istio.io");
                    if (crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") != true)
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(60));
    }

    public static V1Service Service(string name, int port) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = $"http-{port}", Port = port }] },
    };

    public static V1EndpointSlice Slice(string service, string address) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"{service}-1", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service } },
        AddressType = "IPv4",
        Endpoints = [new V1Endpoint { Addresses = [address], Conditions = new V1EndpointConditions { Ready = true } }],
        Ports = [new Discoveryv1EndpointPort { Name = "http-8080", Port = 8080, Protocol = "TCP" }],
    };

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout) => UntilAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>Polls a condition of a real cluster, which offers no event to wait on; the timeout is a failure guard.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var guard = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), guard.Token);
        }
    }
}
