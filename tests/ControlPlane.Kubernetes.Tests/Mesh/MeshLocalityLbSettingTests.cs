namespace ControlPlane.Kubernetes.Tests.Mesh;

using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>MeshConfig's mesh-wide <c>localityLbSetting</c>: istiod's default, reading, and istiod's checks.</summary>
public sealed class MeshLocalityLbSettingTests
{
    [Fact]
    public void The_default_is_enabled_without_weights_or_failover()
    {
        var mesh = MeshConfigParser.Parse("").Mesh;

        Assert.True(mesh.LocalityLbSetting.Enabled);
        Assert.True(mesh.LocalityLbSetting.Distribute.IsEmpty);
        Assert.True(mesh.LocalityLbSetting.Failover.IsEmpty);
    }

    [Fact]
    public void Every_field_is_read()
    {
        var result = MeshConfigParser.Parse(
            """
            localityLbSetting:
              enabled: true
              failover:
                - from: us-east
                  to: us-west
              failoverPriority: [topology.istio.io/network]
            """);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var setting = result.Mesh.LocalityLbSetting;
        Assert.Equal([new LocalityFailover("us-east", "us-west")], setting.Failover.ToArray());
        Assert.Equal(["topology.istio.io/network"], setting.FailoverPriority.ToArray());
        Assert.True(setting.Enabled);
    }

    [Fact]
    public void Distribute_is_read_and_disabled_is_kept()
    {
        var result = MeshConfigParser.Parse(
            """
            localityLbSetting:
              enabled: false
              distribute:
                - from: "us-east/*"
                  to: {"us-east/*": 90, "us-west/*": 10}
            """);

        Assert.Empty(result.Errors);
        var setting = result.Mesh.LocalityLbSetting;
        Assert.False(setting.Enabled);
        Assert.Equal([new LocalityWeight("us-east/*", 90), new LocalityWeight("us-west/*", 10)], setting.Distribute.Single().To.ToArray());
    }

    [Theory]
    [InlineData("{distribute: [{from: a/*, to: {b/*: 50}}]}", "total locality weight 50 != 100")]
    [InlineData("{failover: [{from: a, to: a}]}", "locality lb failover settings must specify different regions")]
    [InlineData("{distribute: [{from: a/*, to: {b/*: 100}}], failover: [{from: a, to: b}]}", "can not simultaneously specify 'distribute' and 'failover'")]
    public void Istiod_rules_are_errors(string setting, string message)
    {
        var result = MeshConfigParser.Parse($"localityLbSetting: {setting}");

        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal) && e.StartsWith("localityLbSetting", StringComparison.Ordinal));
    }

    [Fact]
    public void Failover_needs_no_outlier_detection_warning_at_mesh_level()
    {
        var result = MeshConfigParser.Parse("localityLbSetting: {failover: [{from: a, to: b}]}");

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }
}
