namespace ControlPlane.FunctionalTests.Cli;

using ControlPlane.Host;
using ControlPlane.Host.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void No_arguments_serve_the_embedded_samples_on_istiod_ports()
    {
        var (options, error) = CommandLine.Parse([]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Null(options.ConfigDirectory);
        Assert.Equal(15010, options.XdsPort);
        Assert.Equal(15014, options.MonitoringPort);
    }

    [Fact]
    public void Options_are_read_with_or_without_the_serve_verb()
    {
        var (options, _) = CommandLine.Parse(["serve", "--config-dir", "/etc/mesh", "--xds-port", "18000", "--monitoring-port", "18014", "--bind", "127.0.0.1"]);
        var (withoutVerb, _) = CommandLine.Parse(["--xds-port", "18000"]);

        Assert.Equal(new ControlPlaneOptions { ConfigDirectory = "/etc/mesh", XdsPort = 18000, MonitoringPort = 18014, BindAddress = "127.0.0.1" }, options);
        Assert.Equal(18000, withoutVerb!.XdsPort);
    }

    [Fact]
    public void A_crd_bundle_is_read_as_a_path_and_is_off_by_default()
    {
        var (options, _) = CommandLine.Parse(["serve", "--crds", "/etc/istio/crd-all.gen.yaml"]);
        var (defaults, _) = CommandLine.Parse([]);

        Assert.Equal("/etc/istio/crd-all.gen.yaml", options!.CrdBundlePath);
        Assert.Null(defaults!.CrdBundlePath);
        Assert.Contains("--crds <file>", CommandLine.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--xds-port", "http" }, "'http' is not a port number")]
    [InlineData(new[] { "--xds-port", "70000" }, "'70000' is not a port number")]
    [InlineData(new[] { "--config-dir" }, "option '--config-dir' needs a value")]
    [InlineData(new[] { "--verbose", "yes" }, "unknown option '--verbose'")]
    public void Usage_errors_name_the_option(string[] args, string expected)
    {
        var (options, error) = CommandLine.Parse(args);

        Assert.Null(options);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var (options, error) = CommandLine.Parse(["--help"]);

        Assert.Null(options);
        Assert.Equal("", error);
    }
}
