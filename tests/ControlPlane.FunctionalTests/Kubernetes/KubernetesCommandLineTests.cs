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

    [Fact]
    public void A_revision_and_status_writes_are_options_of_their_own()
    {
        var (options, error) = CommandLine.Parse(["--kubernetes", "on", "--revision", "canary", "--write-status", "on"]);

        Assert.Null(error);
        Assert.Equal("canary", options!.Revision);
        Assert.True(options.WriteStatus);
        Assert.False(CommandLine.Parse([]).Options!.WriteStatus);
        Assert.Equal("", CommandLine.Parse([]).Options!.Revision);
        Assert.Contains("is not on or off", CommandLine.Parse(["--kubernetes", "on", "--write-status", "yes"]).Error, StringComparison.Ordinal);
        Assert.Contains("needs the cluster source", CommandLine.Parse(["--write-status", "on"]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_option_also_takes_its_value_after_an_equals_sign()
    {
        var (options, error) = CommandLine.Parse(["--kubernetes=on", "--revision=canary", "--write-status=on", "--namespace=mesh-system", "--revision="]);

        Assert.Null(error);
        Assert.Equal("", options!.Revision);
        Assert.True(options.WriteStatus);
        Assert.Equal("mesh-system", options.Namespace);
    }
}
