namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;

/// <summary>Routing as the real proxyless gRPC client sees it: listeners, routes, subset clusters and endpoints end to end.</summary>
[Collection(InteropCollection.Name)]
public sealed class RoutingTests(InteropFixture fixture)
{
    [InteropFact]
    public async Task Plain_call_reaches_v1_and_round_robins_over_its_endpoints()
    {
        var run = await RunAsync(MeshConfigWriter.Target("echo"), calls: 40);

        var summary = ClientAssert.Summary(run);
        ClientAssert.That(summary.Succeeded == 40 && summary.Version("v1") == 40,
            $"expected 40 OK calls, all to v1; got {summary.Succeeded} OK, versions {Format(summary.Versions)}", run);
        ClientAssert.That(summary.Backends.Keys.Order().SequenceEqual(["v1-a", "v1-b"]),
            $"expected both v1 endpoints to answer; got {Format(summary.Backends)}", run);
    }

    [InteropFact]
    public async Task Kubernetes_short_name_target_resolves_to_the_same_service()
    {
        var run = await RunAsync($"echo.interop:{MeshConfigWriter.Port}", calls: 10);

        var summary = ClientAssert.Summary(run);
        ClientAssert.That(summary.Succeeded == 10 && summary.Version("v1") == 10,
            $"expected 10 OK calls to v1 via echo.interop; got versions {Format(summary.Versions)}", run);
    }

    [InteropFact]
    public async Task Weighted_split_80_20_holds_within_five_points_over_1000_calls()
    {
        var run = await RunAsync(MeshConfigWriter.Target("split"), calls: 1000);

        var summary = ClientAssert.Summary(run);
        var v1Share = summary.Version("v1") / 10.0;
        ClientAssert.That(summary.Succeeded == 1000 && Math.Abs(v1Share - 80) <= 5,
            $"expected 1000 OK calls split 80/20 (±5); got {summary.Succeeded} OK, versions {Format(summary.Versions)}", run);
    }

    [InteropFact]
    public async Task Header_x_canary_true_routes_to_v2_and_anything_else_to_v1()
    {
        var canary = await RunAsync(MeshConfigWriter.Target("echo"), calls: 30, "x-canary=true");
        var notCanary = await RunAsync(MeshConfigWriter.Target("echo"), calls: 30, "x-canary=false");

        var toV2 = ClientAssert.Summary(canary);
        ClientAssert.That(toV2.Succeeded == 30 && toV2.Version("v2") == 30,
            $"x-canary: true: expected 30 calls to v2; got {Format(toV2.Versions)}", canary);
        var toV1 = ClientAssert.Summary(notCanary);
        ClientAssert.That(toV1.Succeeded == 30 && toV1.Version("v1") == 30,
            $"x-canary: false: expected 30 calls to v1; got {Format(toV1.Versions)}", notCanary);
    }

    [InteropFact]
    public async Task Ring_hash_on_the_x_user_header_keeps_each_of_20_users_on_one_v2_endpoint_and_spreads_them_over_both()
    {
        // The features DestinationRule hashes on x-user; the regex-path rule sends the calls to v2. Each user is called
        // 3 times, the calls of all users interleaved. All 20 users on one endpoint by chance: p = 2^-19.
        var users = Enumerable.Range(1, 20).Select(u => $"user-{u:D2}").ToArray();
        var hashed = await InteropClient.RunAsync(
            fixture.XdsPort, MeshConfigWriter.Target("features"), users.Length * 3, fixture.SynczAsync,
            overrides: ["--rotate-header", $"x-user={string.Join(',', users)}"]);

        var sticky = ClientAssert.Summary(hashed);
        ClientAssert.That(sticky.Succeeded == users.Length * 3 && sticky.Version("v2") == users.Length * 3,
            $"expected {users.Length * 3} OK calls, all to v2; got statuses {Format(sticky.Statuses)}, versions {Format(sticky.Versions)}", hashed);
        var byUser = string.Join(", ", sticky.ByHeader.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}: {Format(u.Value)}"));
        ClientAssert.That(users.All(u => sticky.ByHeader.TryGetValue(u, out var backends) && backends.Count == 1 && backends.Values.Single() == 3),
            $"expected each user's 3 calls on one v2 endpoint; got {byUser}", hashed);
        ClientAssert.That(sticky.Backends.Keys.Order().SequenceEqual(["v2-a", "v2-b"]),
            $"expected the users to spread over both v2 endpoints; got {Format(sticky.Backends)} ({byUser})", hashed);
    }

    [InteropFact]
    public async Task Without_headers_x_skip_1_falls_through_the_regex_path_rule_to_v1()
    {
        var skipped = await RunAsync(MeshConfigWriter.Target("features"), calls: 20, "x-skip=1");

        var fallthrough = ClientAssert.Summary(skipped);
        ClientAssert.That(fallthrough.Succeeded == 20 && fallthrough.Version("v1") == 20,
            $"x-skip: 1: expected 20 calls to v1; got {Format(fallthrough.Versions)}", skipped);
    }

    [InteropFact]
    public async Task Delegated_rule_from_another_namespace_routes_canaries_to_v2()
    {
        var canary = await RunAsync(MeshConfigWriter.Target("delegated"), calls: 30, "x-canary=true");
        var stable = await RunAsync(MeshConfigWriter.Target("delegated"), calls: 30);

        var toV2 = ClientAssert.Summary(canary);
        ClientAssert.That(toV2.Succeeded == 30 && toV2.Version("v2") == 30,
            $"x-canary: true through the delegate: expected 30 calls to v2; got {Format(toV2.Versions)}", canary);
        var toV1 = ClientAssert.Summary(stable);
        ClientAssert.That(toV1.Succeeded == 30 && toV1.Version("v1") == 30,
            $"no header: expected 30 calls to the root's own v1 rule; got {Format(toV1.Versions)}", stable);
    }

    private Task<ClientRun> RunAsync(string target, int calls, params string[] headers) =>
        InteropClient.RunAsync(fixture.XdsPort, target, calls, fixture.SynczAsync, headers);

    private static string Format(IReadOnlyDictionary<string, int> counts) =>
        "{" + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")) + "}";
}
