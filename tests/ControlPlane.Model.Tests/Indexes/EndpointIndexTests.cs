namespace ControlPlane.Model.Tests.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;

/// <summary>
/// The address map of the next endpoint index is derived from the previous one by the services that changed; whatever
/// the change, it must equal the map built from scratch.
/// </summary>
public sealed class EndpointIndexTests
{
    private static readonly ServiceKey Reviews = new("reviews.shop.svc.cluster.local", "shop");
    private static readonly ServiceKey Ratings = new("ratings.shop.svc.cluster.local", "shop");
    private static readonly ServiceKey Ledger = new("ledger.payments.svc.cluster.local", "payments");

    [Fact]
    public void The_same_endpoint_map_keeps_the_same_index()
    {
        var map = Map((Reviews, ["10.0.0.1"]));
        var index = new EndpointIndex(map);

        Assert.Same(index, index.Next(map));
    }

    [Fact]
    public void A_workload_moving_to_another_address_leaves_the_old_one_and_appears_at_the_new_one()
    {
        var index = Built(Map((Reviews, ["10.0.0.1", "10.0.0.2"]), (Ratings, ["10.0.0.1"]), (Ledger, ["10.0.0.9"])));

        var next = index.Next(Map((Reviews, ["10.0.0.2", "10.0.0.3"]), (Ratings, ["10.0.0.1"]), (Ledger, ["10.0.0.9"])));

        Assert.Equal([Ratings], next.AtAddress("10.0.0.1").Select(t => t.Service));
        Assert.Equal([Reviews], next.AtAddress("10.0.0.3").Select(t => t.Service));
        AssertSameAsRebuilt(next, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.9");
    }

    [Fact]
    public void A_removed_service_disappears_from_every_address_and_an_added_one_joins_in_service_order()
    {
        var index = Built(Map((Reviews, ["10.0.0.1"]), (Ledger, ["10.0.0.1", "10.0.0.9"])));

        var next = index.Next(Map((Reviews, ["10.0.0.1"]), (Ratings, ["10.0.0.1"])));

        Assert.Equal([Ratings, Reviews], next.AtAddress("10.0.0.1").Select(t => t.Service));
        Assert.Empty(next.AtAddress("10.0.0.9"));
        AssertSameAsRebuilt(next, "10.0.0.1", "10.0.0.9");
    }

    [Fact]
    public void A_change_to_most_services_rebuilds_and_still_answers_the_same()
    {
        var many = Enumerable.Range(0, 40).Select(i => (new ServiceKey($"svc-{i}.ns.svc.cluster.local", "ns"), new[] { $"10.1.0.{i}" })).ToArray();
        var index = Built(Map(many));

        var next = index.Next(Map([.. many.Select(s => (s.Item1, new[] { "10.2.0.1" }))]));

        Assert.Equal(40, next.AtAddress("10.2.0.1").Length);
        AssertSameAsRebuilt(next, "10.1.0.0", "10.2.0.1");
    }

    private static EndpointIndex Built(ImmutableDictionary<ServiceKey, ServiceEndpoints> map)
    {
        var index = new EndpointIndex(map);
        _ = index.AtAddress("0.0.0.0");
        return index;
    }

    private static void AssertSameAsRebuilt(EndpointIndex updated, params string[] addresses)
    {
        var rebuilt = new EndpointIndex(MapOf(updated, addresses));
        foreach (var address in addresses)
        {
            var expected = rebuilt.AtAddress(address);
            var actual = updated.AtAddress(address);
            Assert.Equal(expected.Select(t => t.Service), actual.Select(t => t.Service));
            Assert.All(expected.Zip(actual), pair => Assert.Same(pair.First.Endpoint, pair.Second.Endpoint));
        }
    }

    /// <summary>The services seen at the given addresses, with their endpoints as the updated index holds them.</summary>
    private static ImmutableDictionary<ServiceKey, ServiceEndpoints> MapOf(EndpointIndex index, string[] addresses) =>
        addresses.SelectMany(a => index.AtAddress(a)).Select(t => t.Service).Distinct()
            .ToImmutableDictionary(s => s, s => new ServiceEndpoints(s, index.For(s)));

    private static ImmutableDictionary<ServiceKey, ServiceEndpoints> Map(params (ServiceKey Service, string[] Addresses)[] services) =>
        services.ToImmutableDictionary(
            s => s.Service,
            s => new ServiceEndpoints(s.Service, [.. s.Addresses.Select(a => TestMesh.Endpoint(a, 8080))]));
}
