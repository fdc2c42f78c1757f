namespace ControlPlane.FunctionalTests.Protocol;

using System.Text.Json;
using ControlPlane.FunctionalTests.Infrastructure;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Service.Discovery.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// A gateway Envoy (<c>router~</c> node) over delta ADS against the real host serving the sample mesh, whose
/// <c>storefront-gateway</c> selects <c>istio: ingressgateway</c> on port 80 for <c>shop.example.com</c>.
/// </summary>
public sealed class GatewayProxyTests
{
    private const string Listener = "0.0.0.0_80";
    private const string RouteName = "http.80";
    private const string StorefrontCluster = "outbound|80||storefront.shop.svc.cluster.local";

    [Fact]
    public async Task A_router_receives_the_gateway_listener_routes_and_clusters()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Delta(IngressGateway());

        await client.SubscribeAsync(TypeUrls.Cluster);
        var clusters = await NextAckedAsync(client, TypeUrls.Cluster);
        Assert.Contains(clusters.Resources, r => r.Name == StorefrontCluster);
        Assert.Contains(clusters.Resources, r => r.Name == "BlackHoleCluster");
        Assert.DoesNotContain(clusters.Resources, r => r.Name == "PassthroughCluster" || r.Name.StartsWith("inbound|", StringComparison.Ordinal));

        await client.SubscribeAsync(TypeUrls.Listener);
        var listeners = await NextAckedAsync(client, TypeUrls.Listener);
        var listener = Assert.Single(listeners.Resources).Resource_.Unpack<Listener>();
        Assert.Equal(Listener, listener.Name);
        var manager = Assert.Single(Assert.Single(listener.FilterChains).Filters).TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal(RouteName, manager.Rds.RouteConfigName);

        await client.SubscribeAsync(TypeUrls.Route, [RouteName]);
        var routes = (await NextAckedAsync(client, TypeUrls.Route)).Resources.Single().Resource_.Unpack<RouteConfiguration>();
        var host = Assert.Single(routes.VirtualHosts);
        Assert.Equal("shop.example.com:80", host.Name);
        Assert.Equal(["shop.example.com"], host.Domains);
        Assert.Equal(StorefrontCluster, Assert.Single(host.Routes).Route_.Cluster);
    }

    [Fact]
    public async Task A_gateway_bound_VirtualService_change_reaches_the_router_and_merges_into_the_host()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Delta(IngressGateway());
        await client.SubscribeAsync(TypeUrls.Listener);
        await NextAckedAsync(client, TypeUrls.Listener);
        await client.SubscribeAsync(TypeUrls.Route, [RouteName]);
        await NextAckedAsync(client, TypeUrls.Route);

        await mesh.WriteFileAsync("shop/storefront-api.yaml", """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: storefront-api, namespace: shop}
            spec:
              hosts: [shop.example.com]
              gateways: [storefront-gateway]
              http:
                - name: api
                  match:
                    - uri: {prefix: /api}
                  route:
                    - destination: {host: cart}
            """);

        var routes = (await NextAckedAsync(client, TypeUrls.Route)).Resources.Single().Resource_.Unpack<RouteConfiguration>();
        var host = Assert.Single(routes.VirtualHosts);
        // The older VirtualService's catch-all stays last; the new /api route goes before it.
        Assert.Equal(["api", "web"], host.Routes.Select(r => r.Name));
    }

    [Fact]
    public async Task A_terminating_TLS_server_needing_a_secret_is_left_out_and_reported_while_the_rest_is_served()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Delta(IngressGateway());
        await client.SubscribeAsync(TypeUrls.Listener);
        await NextAckedAsync(client, TypeUrls.Listener);

        await mesh.WriteFileAsync("shop/secure-gateway.yaml", """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: secure, namespace: shop}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [shop.example.com]
                  tls: {mode: SIMPLE, credentialName: shop-cert}
                - port: {number: 8081, name: http-alt, protocol: HTTP}
                  hosts: [shop.example.com]
            """);

        var update = await NextAckedAsync(client, TypeUrls.Listener);
        Assert.Contains(update.Resources, r => r.Name == "0.0.0.0_8081");
        Assert.Equal([Listener, "0.0.0.0_8081"], client.Resources(TypeUrls.Listener).Keys.Order(StringComparer.Ordinal));

        using var configz = JsonDocument.Parse(await mesh.Http.GetStringAsync("/debug/configz"));
        var warning = configz.RootElement.GetProperty("sources").EnumerateArray()
            .Where(s => s.GetProperty("source").GetString() == "gateways")
            .SelectMany(s => s.GetProperty("warnings").EnumerateArray())
            .Single();
        Assert.Equal("secure", warning.GetProperty("name").GetString());
        Assert.Equal("spec.servers[0].tls.credentialName", warning.GetProperty("field").GetString());
        Assert.Contains("SIMPLE", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_https_server_with_certificate_files_is_served_with_its_own_route_configuration()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Delta(IngressGateway());
        await client.SubscribeAsync(TypeUrls.Listener);
        await NextAckedAsync(client, TypeUrls.Listener);

        await mesh.WriteFileAsync("shop/secure-gateway.yaml", """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: secure, namespace: shop}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [shop.example.com]
                  tls: {mode: SIMPLE, serverCertificate: /etc/certs/tls.crt, privateKey: /etc/certs/tls.key}
            """);

        var update = await NextAckedAsync(client, TypeUrls.Listener);
        var listener = Assert.Single(update.Resources, r => r.Name == "0.0.0.0_443").Resource_.Unpack<Listener>();
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal(["shop.example.com"], chain.FilterChainMatch.ServerNames);
        Assert.Equal("envoy.transport_sockets.tls", chain.TransportSocket.Name);
        var manager = Assert.Single(chain.Filters).TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal("https.443.https.secure.shop", manager.Rds.RouteConfigName);

        await client.SubscribeAsync(TypeUrls.Route, [manager.Rds.RouteConfigName]);
        var routes = (await NextAckedAsync(client, TypeUrls.Route)).Resources.Single().Resource_.Unpack<RouteConfiguration>();
        Assert.Equal("https.443.https.secure.shop", routes.Name);
    }

    /// <summary>An ingress gateway pod as pilot-agent describes it: <c>router~ip~pod.ns~ns.svc.cluster.local</c>.</summary>
    private static Node IngressGateway()
    {
        var labels = new Struct();
        labels.Fields["istio"] = Value.ForString("ingressgateway");
        labels.Fields["app"] = Value.ForString("istio-ingressgateway");
        var metadata = new Struct();
        metadata.Fields["NAMESPACE"] = Value.ForString("istio-system");
        metadata.Fields["INSTANCE_IPS"] = Value.ForString("10.244.0.5");
        metadata.Fields["ISTIO_VERSION"] = Value.ForString("1.24.0");
        metadata.Fields["LABELS"] = Value.ForStruct(labels);
        return new Node
        {
            Id = "router~10.244.0.5~istio-ingressgateway-6d8f.istio-system~istio-system.svc.cluster.local",
            Cluster = "istio-ingressgateway.istio-system",
            Metadata = metadata,
        };
    }

    /// <summary>The next response of <paramref name="typeUrl"/>, acknowledging it and any other type pushed before it.</summary>
    private static async Task<DeltaDiscoveryResponse> NextAckedAsync(DeltaTestClient client, string typeUrl)
    {
        while (true)
        {
            var response = await client.NextAsync();
            await client.AckAsync(response);
            if (response.TypeUrl == typeUrl)
            {
                return response;
            }
        }
    }
}
