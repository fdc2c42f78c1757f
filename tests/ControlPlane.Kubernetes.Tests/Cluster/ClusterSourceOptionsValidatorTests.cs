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
}
