namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;

/// <summary>
/// Sidecar egress listeners on a Unix domain socket (port 0), validated as istiod's
/// <c>validateSidecarEgressPortBindAndCaptureMode</c> and <c>ValidateSidecar</c> do.
/// </summary>
public sealed class SidecarEgressUnixSocketTests
{
    [Theory]
    [InlineData("unix:///var/run/egress.sock", "DEFAULT", CaptureMode.Default)]
    [InlineData("unix:///var/run/egress.sock", "NONE", CaptureMode.None)]
    [InlineData("unix://@abstract-egress", "DEFAULT", CaptureMode.Default)]
    public void Port_0_with_a_unix_bind_is_accepted(string bind, string captureMode, CaptureMode expected)
    {
        var result = Load($"egress: [{{port: {{number: 0, protocol: HTTP, name: http}}, bind: \"{bind}\", captureMode: {captureMode}, hosts: [\"./*\"]}}]");

        result.AssertNoProblems();
        var egress = Assert.Single(result.Config<Sidecar>("s").Egress);
        Assert.Equal(new SidecarPort(0, Protocol.Http, "http"), egress.Port);
        Assert.Equal((bind, expected), (egress.Bind, egress.CaptureMode));
    }

    [Fact]
    public void Several_sockets_and_ip_ports_can_be_combined_with_a_catch_all()
    {
        var result = Load("""
            egress:
              - {port: {number: 0, protocol: HTTP}, bind: "unix:///var/run/a.sock", hosts: ["./*"]}
              - {port: {number: 0, protocol: TCP}, bind: "unix:///var/run/b.sock", hosts: ["./*"]}
              - {port: {number: 9080, protocol: HTTP}, hosts: ["./*"]}
              - {hosts: ["./*"]}
            """);

        result.AssertNoProblems();
        Assert.Equal(4, result.Config<Sidecar>("s").Egress.Length);
    }

    [Theory]
    [InlineData("{port: {number: 0}, hosts: [\"./*\"]}", "spec.egress[0].bind", "must have a unix domain socket bind address")]
    [InlineData("{port: {number: 0}, bind: 127.0.0.1, hosts: [\"./*\"]}", "spec.egress[0].bind", "must have a unix domain socket bind address")]
    [InlineData("{port: {number: 0}, bind: \"unix://\", hosts: [\"./*\"]}", "spec.egress[0].bind", "must not be empty")]
    [InlineData("{port: {number: 0}, bind: \"unix://relative.sock\", hosts: [\"./*\"]}", "spec.egress[0].bind", "not an absolute path")]
    [InlineData("{port: {number: 0}, bind: \"unix:///var/run/\", hosts: [\"./*\"]}", "spec.egress[0].bind", "not an absolute path")]
    [InlineData("{port: {number: 0}, bind: \"unix:///a.sock\", captureMode: IPTABLES, hosts: [\"./*\"]}", "spec.egress[0].captureMode", "DEFAULT/NONE")]
    [InlineData("{port: {number: 80}, bind: \"unix:///a.sock\", hosts: [\"./*\"]}", "spec.egress[0].bind", "not a valid IP address")]
    public void Invalid_socket_listeners_are_rejected(string listener, string field, string message)
    {
        var result = Load($"egress: [{listener}]");

        Assert.Empty(result.Delta.UpsertedConfigs);
        var error = Assert.Single(result.Errors());
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_socket_twice_is_rejected()
    {
        var result = Load("""
            egress:
              - {port: {number: 0}, bind: "unix:///var/run/a.sock", hosts: ["./*"]}
              - {port: {number: 0}, bind: "unix:///var/run/a.sock", hosts: ["./*"]}
            """);

        var error = Assert.Single(result.Errors());
        Assert.Equal("spec.egress[1].bind", error.Field);
        Assert.Contains("unix domain socket values for listeners must be unique", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingress_ports_cannot_be_0()
    {
        var result = Load("ingress: [{port: {number: 0}, bind: \"unix:///var/run/a.sock\"}]");

        Assert.Contains(result.Errors(), e => e.Field == "spec.ingress[0].port.number");
    }

    private static Kubernetes.Yaml.YamlLoadResult Load(string spec) => TestYaml.Load($"""
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {"{"}name: s, namespace: default{"}"}
        spec:
          {spec.Replace("\n", "\n  ", StringComparison.Ordinal)}
        """);
}
