namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config;

public sealed class IstioVersionTests
{
    private static readonly string[] Versions = ["v1", "v1beta1", "v1alpha3"];

    private static readonly (string Kind, ConfigKind ConfigKind, string Spec)[] Kinds =
    [
        ("VirtualService", ConfigKind.VirtualService, "{hosts: [a], http: [{route: [{destination: {host: a}}]}]}"),
        ("DestinationRule", ConfigKind.DestinationRule, "{host: a, subsets: [{name: v1, labels: {version: v1}}]}"),
        ("Sidecar", ConfigKind.Sidecar, "{egress: [{hosts: [\"./*\"]}]}"),
        ("ServiceEntry", ConfigKind.ServiceEntry, "{hosts: [a.example.com], resolution: DNS, ports: [{number: 80, name: http, protocol: HTTP}]}"),
        ("WorkloadEntry", ConfigKind.WorkloadEntry, "{address: 10.0.0.1}"),
        ("Gateway", ConfigKind.Gateway, "{selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [\"*\"]}]}"),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, _, _) in Kinds)
        {
            foreach (var version in Versions)
            {
                data.Add(kind, version);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryKind_IsReadInEveryServedVersion(string kind, string version)
    {
        var (_, configKind, spec) = Kinds.Single(k => k.Kind == kind);
        var result = TestYaml.Load($"""
            apiVersion: networking.istio.io/{version}
            kind: {kind}
            metadata: {"{"}name: sample, namespace: ns, creationTimestamp: "2025-01-02T03:04:05Z"{"}"}
            spec: {spec}
            status: {"{"}observedGeneration: 1{"}"}
            """);

        result.AssertNoProblems();
        var config = Assert.Single(result.Delta.UpsertedConfigs);
        Assert.Equal(new ConfigKey(configKind, "ns", "sample"), config.Key);
        Assert.Equal($"networking.istio.io/{version}", config.Meta.ApiVersion);
    }
}
