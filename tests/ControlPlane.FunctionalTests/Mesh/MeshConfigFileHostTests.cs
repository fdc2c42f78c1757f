namespace ControlPlane.FunctionalTests.Mesh;

using ControlPlane.Host;
using ControlPlane.Host.Cli;
using ControlPlane.Model.State;
using Microsoft.Extensions.DependencyInjection;

/// <summary><c>serve --mesh-config</c>: the file is applied when the host is built, before any source loads, or stops it.</summary>
public sealed class MeshConfigFileHostTests
{
    [Fact]
    public void The_option_is_parsed()
    {
        var (options, error) = CommandLine.Parse(["serve", "--mesh-config", "/etc/istio/config/mesh"]);

        Assert.Null(error);
        Assert.Equal("/etc/istio/config/mesh", options!.MeshConfigFile);
    }

    [Fact]
    public async Task The_file_is_in_the_store_before_the_host_starts()
    {
        var file = TempFile("rootNamespace: mesh-root\nconnectTimeout: 3s\n");
        try
        {
            await using var app = ControlPlaneApplication.Build(Options(file));
            var mesh = app.Services.GetRequiredService<MeshStore>().Current.Mesh;

            Assert.Equal("mesh-root", mesh.RootNamespace);
            Assert.Equal(TimeSpan.FromSeconds(3), mesh.ConnectTimeout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_invalid_file_stops_the_host_naming_the_file_and_the_field()
    {
        var file = TempFile("proxyListenPort: many\n");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ControlPlaneApplication.Build(Options(file)));

            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("proxyListenPort", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_file_stops_the_host_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cp-no-such-mesh-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<InvalidOperationException>(() => ControlPlaneApplication.Build(Options(missing)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private static string TempFile(string content)
    {
        var file = Path.Combine(Path.GetTempPath(), "cp-mesh-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, content);
        return file;
    }

    private static ControlPlaneOptions Options(string file) =>
        new() { MeshConfigFile = file, XdsPort = 0, MonitoringPort = 0, BindAddress = "127.0.0.1" };
}
