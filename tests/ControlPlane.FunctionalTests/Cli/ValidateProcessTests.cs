namespace ControlPlane.FunctionalTests.Cli;

using ControlPlane.Testing.SharedData;
using System.Diagnostics;
using ControlPlane.Host.Cli;

/// <summary>The verb through the real executable: dispatch before the serving options, exit codes as a process sees them.</summary>
public sealed class ValidateProcessTests
{
    [Fact]
    public async Task The_executable_dispatches_validate_and_exits_with_its_status()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("validate-").FullName, "vs.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: empty}\nspec: {hosts: [a]}\n");

        var (code, output) = await RunAsync("validate", file);
        var (usage, _) = await RunAsync("validate", "--bogus");

        Assert.Equal(ValidateCommand.Invalid, code);
        Assert.Contains("VirtualService default/empty: invalid", output, StringComparison.Ordinal);
        Assert.Equal(ValidateCommand.UsageError, usage);
    }

    [SharedDataFact]
    public async Task Istio_bookinfo_networking_samples_are_valid_against_istio_crds()
    {
        var istio = SharedData.Istio!;
        var crds = Path.Combine(istio, "crds", "istio-istio", "manifests", "charts", "base", "files", "crd-all.gen.yaml");

        var (code, output) = await RunAsync("validate", "--crds", crds, Path.Combine(istio, "samples", "bookinfo", "networking"));

        Assert.True(code == ValidateCommand.Valid, output);
        Assert.Contains("VirtualService default/reviews: valid", output, StringComparison.Ordinal);
        Assert.Contains("38 object(s), 0 invalid", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "ControlPlane.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
