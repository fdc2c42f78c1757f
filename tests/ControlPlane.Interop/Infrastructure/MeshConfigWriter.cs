namespace ControlPlane.Interop.Infrastructure;

using System.Globalization;
using System.Text;

/// <summary>
/// Writes the interop mesh as plain Istio YAML into the directory the control plane watches: for each test host a
/// ServiceEntry (MESH_INTERNAL, STATIC, inline endpoints on the loopback backends), a DestinationRule with subsets v1/v2,
/// and a VirtualService (except <c>limited</c>, which is called through its default route). The <c>live</c>
/// VirtualService has a file of its own so a test can rewrite it mid-run.
/// </summary>
internal static class MeshConfigWriter
{
    public const string Namespace = "interop";
    public const int Port = 7070;

    public static string Host(string name) => $"{name}.{Namespace}.svc.cluster.local";

    public static string Target(string name) => $"{Host(name)}:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static string LiveVirtualServicePath(string directory) => Path.Combine(directory, "live-virtualservice.yaml");

    public static void WriteAll(string directory, IReadOnlyList<Backend> backends)
    {
        Write(directory, "echo.yaml", ServiceEntry("echo", backends), DestinationRule("echo", ""), EchoVirtualService());
        Write(directory, "split.yaml", ServiceEntry("split", backends), DestinationRule("split", ""), WeightedVirtualService("split", 80, 20));
        Write(directory, "live.yaml", ServiceEntry("live", backends), DestinationRule("live", ""));
        WriteLiveVirtualService(directory, 80, 20);
        Write(directory, "features.yaml", ServiceEntry("features", backends), DestinationRule("features", FeaturePolicy), FeaturesVirtualService());
        Write(directory, "weather.yaml", DnsServiceEntry);
        Write(directory, "abort.yaml", ServiceEntry("abort", backends), DestinationRule("abort", ""), FaultVirtualService("abort", AbortAll));
        Write(directory, "abort-half.yaml", ServiceEntry("abort-half", backends), DestinationRule("abort-half", ""), FaultVirtualService("abort-half", AbortHalf));
        Write(directory, "delay.yaml", ServiceEntry("delay", backends), DestinationRule("delay", ""), FaultVirtualService("delay", DelayAllWithMirrorAndCors));
        Write(directory, "delegated.yaml", ServiceEntry("delegated", backends), DestinationRule("delegated", ""), DelegatingVirtualService(), CanaryDelegate());
        Write(directory, "retries.yaml", ServiceEntry("retries", backends), DestinationRule("retries", ""), RetriesVirtualService());
        Write(directory, "timeouts.yaml", ServiceEntry("timeouts", backends), DestinationRule("timeouts", ""), TimeoutsVirtualService());
        Write(directory, "limited.yaml", ServiceEntry("limited", backends), DestinationRule("limited", TwoRequestsAtATime));
        Write(directory, "outlier.yaml", ServiceEntry("outlier", backends), DestinationRule("outlier", EjectAfterOneError), NoRetriesVirtualService("outlier"));
    }

    /// <summary>The header the <c>retries</c> and <c>timeouts</c> VirtualServices match to pick a rule.</summary>
    public const string PolicyHeader = "x-policy";

    public static void WriteLiveVirtualService(string directory, int v1Weight, int v2Weight) =>
        File.WriteAllText(LiveVirtualServicePath(directory), WeightedVirtualService("live", v1Weight, v2Weight));

    private static void Write(string directory, string file, params string[] documents) =>
        File.WriteAllText(Path.Combine(directory, file), string.Join("---\n", documents));

    private static string ServiceEntry(string name, IReadOnlyList<Backend> backends)
    {
        var yaml = new StringBuilder($"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: {name}
              namespace: {Namespace}
            spec:
              hosts:
              - {Host(name)}
              location: MESH_INTERNAL
              resolution: STATIC
              ports:
              - number: {Port}
                name: grpc
                protocol: GRPC
              endpoints:

            """);
        foreach (var backend in backends)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - address: {backend.Host}
                    ports:
                      grpc: {backend.Port}
                    labels:
                      app: {name}
                      version: {backend.Version}

                """);
        }

        return yaml.ToString();
    }

    private static string DestinationRule(string name, string trafficPolicy) => $"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {name}
          namespace: {Namespace}
        spec:
          host: {Host(name)}
        {trafficPolicy}  subsets:
          - name: v1
            labels:
              version: v1
          - name: v2
            labels:
              version: v2

        """;

    // Header routing: x-canary: true goes to v2, everything else to v1.
    private static string EchoVirtualService() => $"""
        {VirtualServiceHead("echo")}
          - name: canary
            match:
            - headers:
                x-canary:
                  exact: "true"
            route:
            - destination:
                host: {Host("echo")}
                subset: v2
          - name: stable
            route:
            - destination:
                host: {Host("echo")}
                subset: v1

        """;

    private static string WeightedVirtualService(string name, int v1Weight, int v2Weight) => $"""
        {VirtualServiceHead(name)}
          - route:
            - destination:
                host: {Host(name)}
                subset: v1
              weight: {v1Weight}
            - destination:
                host: {Host(name)}
                subset: v2
              weight: {v2Weight}

        """;

    // Exercises what gRPC accepts beyond plain routing: a regex path, withoutHeaders, timeout, retries.
    private static string FeaturesVirtualService() => $"""
        {VirtualServiceHead("features")}
          - name: hashed
            match:
            - uri:
                regex: "/interop\\.Echo/.*"
              withoutHeaders:
                x-skip:
                  exact: "1"
            timeout: 5s
            retries:
              attempts: 2
              retryOn: unavailable,cancelled,5xx
            route:
            - destination:
                host: {Host("features")}
                subset: v2
          - name: skipped
            route:
            - destination:
                host: {Host("features")}
                subset: v1

        """;

    // Ring hash on x-user, plus the connection pool and outlier settings gRPC implements.
    private const string FeaturePolicy = """
          trafficPolicy:
            loadBalancer:
              consistentHash:
                httpHeaderName: x-user
            connectionPool:
              http:
                http2MaxRequests: 100
            outlierDetection:
              consecutive5xxErrors: 5
              interval: 10s
              baseEjectionTime: 30s
              maxEjectionPercent: 50

        """;

    // Every call aborted with gRPC status UNAVAILABLE.
    private const string AbortAll = """
            fault:
              abort:
                grpcStatus: UNAVAILABLE
                percentage: {value: 100}

        """;

    // Half the calls aborted with HTTP 403, which gRPC maps to PERMISSION_DENIED.
    private const string AbortHalf = """
            fault:
              abort:
                httpStatus: 403
                percentage: {value: 50}

        """;

    // Every call delayed by 300 ms. The mirror and CORS policy mean nothing to gRPC: they are left out, the route stays.
    private const string DelayAllWithMirrorAndCors = """
            fault:
              delay:
                fixedDelay: 300ms
                percentage: {value: 100}
            mirror:
              host: split.interop.svc.cluster.local
            corsPolicy:
              allowOrigins: [{exact: "https://example.com"}]

        """;

    private static string FaultVirtualService(string name, string fault) => $"""
        {VirtualServiceHead(name)}
          - name: faulty
        {fault}    route:
            - destination:
                host: {Host(name)}
                subset: v1

        """;

    // Rules picked by x-policy, all to v1: retry (3 attempts on unavailable), no-retry (attempts: 0), internal-only
    // (2 attempts on internal and the HTTP-only 5xx), and a rule without a retry block, which gets istiod's default.
    private static string RetriesVirtualService() => $$"""
        {{VirtualServiceHead("retries")}}
          - name: retry
            match:
            - headers:
                {{PolicyHeader}}:
                  exact: retry
            retries:
              attempts: 3
              retryOn: unavailable
              perTryTimeout: 1s
            route:
            - destination:
                host: {{Host("retries")}}
                subset: v1
          - name: no-retry
            match:
            - headers:
                {{PolicyHeader}}:
                  exact: no-retry
            retries:
              attempts: 0
            route:
            - destination:
                host: {{Host("retries")}}
                subset: v1
          - name: internal-only
            match:
            - headers:
                {{PolicyHeader}}:
                  exact: internal-only
            retries:
              attempts: 2
              retryOn: internal,5xx
            route:
            - destination:
                host: {{Host("retries")}}
                subset: v1
          - name: istio-default
            route:
            - destination:
                host: {{Host("retries")}}
                subset: v1

        """;

    // Rules picked by x-policy, all to v1: a 100 ms route timeout (short), a 1 s one (long), and none.
    private static string TimeoutsVirtualService() => $$"""
        {{VirtualServiceHead("timeouts")}}
          - name: short
            match:
            - headers:
                {{PolicyHeader}}:
                  exact: short
            timeout: 100ms
            route:
            - destination:
                host: {{Host("timeouts")}}
                subset: v1
          - name: long
            match:
            - headers:
                {{PolicyHeader}}:
                  exact: long
            timeout: 1s
            route:
            - destination:
                host: {{Host("timeouts")}}
                subset: v1
          - name: unlimited
            route:
            - destination:
                host: {{Host("timeouts")}}
                subset: v1

        """;

    // Retries off, so every failure the backend returns reaches the client.
    private static string NoRetriesVirtualService(string name) => $"""
        {VirtualServiceHead(name)}
          - retries:
              attempts: 0
            route:
            - destination:
                host: {Host(name)}
                subset: v1

        """;

    // Circuit breaking: at most two requests in flight to the cluster (gRFC A32 max_requests).
    private const string TwoRequestsAtATime = """
          trafficPolicy:
            connectionPool:
              http:
                http2MaxRequests: 2

        """;

    // As eager as Istio's outlier detection gets: eject after one 5xx, checked every second, for 30 s.
    private const string EjectAfterOneError = """
          trafficPolicy:
            outlierDetection:
              consecutive5xxErrors: 1
              interval: 1s
              baseEjectionTime: 30s
              maxEjectionPercent: 100

        """;

    /// <summary>The namespace of the delegate VirtualService, so delegation crosses namespaces (and needs exportTo).</summary>
    public const string DelegateNamespace = "interop-team";

    // A root whose canary rule is delegated: x-canary: true (the root's match) reaches v2 through the delegate's rule.
    private static string DelegatingVirtualService() => $"""
        {VirtualServiceHead("delegated")}
          - name: canary
            match:
            - headers:
                x-canary:
                  exact: "true"
            delegate:
              name: delegated-canary
              namespace: {DelegateNamespace}
          - name: stable
            route:
            - destination:
                host: {Host("delegated")}
                subset: v1

        """;

    private static string CanaryDelegate() => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: delegated-canary
          namespace: {DelegateNamespace}
        spec:
          exportTo:
          - {Namespace}
          http:
          - name: v2
            route:
            - destination:
                host: {Host("delegated")}
                subset: v2

        """;

    /// <summary>A DNS-resolved external host: proxyless clients get it as a LOGICAL_DNS cluster. Never called.</summary>
    public const string DnsHost = "api.weather.example";

    private const string DnsServiceEntry = $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: weather
          namespace: {Namespace}
        spec:
          hosts:
          - {DnsHost}
          location: MESH_EXTERNAL
          resolution: DNS
          ports:
          - number: 443
            name: grpc
            protocol: GRPC

        """;

    private static string VirtualServiceHead(string name) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
          namespace: {Namespace}
        spec:
          hosts:
          - {Host(name)}
          http:
        """;
}
