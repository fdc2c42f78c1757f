namespace ControlPlane.LoadTest.Hosting;

using System.Diagnostics;
using System.Globalization;
using ControlPlane.LoadTest.Mesh;

/// <summary>
/// The default mode: this program's <c>serve</c> command in a child process, so the report's CPU and peak RSS are the
/// control plane's alone. The child runs with server GC, as the host executable does (the Web SDK's default).
/// </summary>
internal sealed class ChildProcessTarget(Process process, ControlChannel control, Uri xds, Uri monitoring) : IControlPlaneTarget
{
    public Uri XdsAddress => xds;

    public Uri MonitoringAddress => monitoring;

    public string Mode => "child-process";

    public static async Task<ChildProcessTarget> StartAsync(SyntheticMeshSpec spec)
    {
        var start = ServeStartInfo(spec);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the serve process");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[serve] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith("READY ", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(' ').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
            _ = process.StandardOutput.ReadToEndAsync();
            var control = await ControlChannel.ConnectAsync("127.0.0.1", int.Parse(fields["control"], CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return new ChildProcessTarget(process, control, new Uri(fields["xds"]), new Uri(fields["monitoring"]));
        }

        throw new InvalidOperationException($"the serve process exited ({process.ExitCode}) before it was ready");
    }

    public Task<long> ApplyAsync(MeshChange change) => control.ApplyAsync(change);

    public async Task<ControlPlaneUsage> UsageAsync()
    {
        var reply = await control.AskAsync("usage").ConfigureAwait(false);
        return new ControlPlaneUsage(
            double.Parse(reply[1], CultureInfo.InvariantCulture), double.Parse(reply[2], CultureInfo.InvariantCulture), false, "child process");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await control.AskAsync("quit").ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        control.Dispose();
        process.Dispose();
    }

    private static ProcessStartInfo ServeStartInfo(SyntheticMeshSpec spec)
    {
        var dll = typeof(ServeCommand).Assembly.Location;
        var apphost = Path.ChangeExtension(dll, null);
        var start = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet") { ArgumentList = { dll } };
        foreach (var argument in LoadTestArguments.ServeArguments(spec))
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_gcServer"] = "1";
        return start;
    }
}
