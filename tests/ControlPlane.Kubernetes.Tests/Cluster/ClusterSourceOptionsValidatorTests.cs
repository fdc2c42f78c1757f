namespace ControlPlane.Kubernetes.Tests.Cluster;

using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Informers;

public sealed class ClusterSourceOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new ClusterSourceOptionsValidator().Validate(null, new ClusterSourceOptions()).Succeeded);
    }

    [Fact]
    public void A_missing_kubeconfig_and_nonsense_timings_are_refused()
    {
        var options = new ClusterSourceOptions
        {
            KubeconfigPath = "/nonexistent/kubeconfig",
            Namespace = "",
            Informer = new InformerOptions { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(1) },
        };

        var result = new ClusterSourceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("/nonexistent/kubeconfig", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v2", "", false)]
    [InlineData(null, "Canary_1", false)]
    [InlineData(null, "-canary", false)]
    [InlineData("v1beta1", "canary-2", true)]
    public void The_istio_version_must_be_known_and_the_revision_a_dns_label(string? version, string revision, bool valid)
    {
        var options = new ClusterSourceOptions { IstioVersion = version, Revision = revision };

        Assert.Equal(valid, new ClusterSourceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Leader_election_timings_are_checked_only_when_status_is_written()
    {
        var options = new ClusterSourceOptions();
        options.LeaderElection.RenewDeadline = TimeSpan.FromMinutes(1);

        Assert.True(new ClusterSourceOptionsValidator().Validate(null, options).Succeeded);
        options.WriteStatus = true;
        var result = new ClusterSourceOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("LeaseDuration", StringComparison.Ordinal));
    }
}
