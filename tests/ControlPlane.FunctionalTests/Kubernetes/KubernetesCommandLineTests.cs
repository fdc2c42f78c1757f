namespace ControlPlane.FunctionalTests.Kubernetes;

using ControlPlane.Host.Cli;

/// <summary>The options that turn on the Kubernetes cluster source.</summary>
public sealed class KubernetesCommandLineTests
{
    [Fact]
    public void The_cluster_source_is_off_unless_asked_for()
    {
        var (options, _) = CommandLine.Parse([]);

        Assert.False(options!.Kubernetes);
        Assert.Equal("istio-system", options.Namespace);
    }

    [Fact]
    public void A_kubeconfig_turns_the_cluster_source_on()
    {
        var (options, error) = CommandLine.Parse(["--kubeconfig", "/home/me/.kube/config", "--namespace", "mesh-system"]);

        Assert.Null(error);
        Assert.True(options!.Kubernetes);
        Assert.Equal("/home/me/.kube/config", options.Kubeconfig);
        Assert.Equal("mesh-system", options.Namespace);
    }

    [Fact]
    public void Kubernetes_takes_on_or_off()
    {
        Assert.True(CommandLine.Parse(["--kubernetes", "on"]).Options!.Kubernetes);
        Assert.Contains("is not on or off", CommandLine.Parse(["--kubernetes", "yes"]).Error, StringComparison.Ordinal);
    }
}
