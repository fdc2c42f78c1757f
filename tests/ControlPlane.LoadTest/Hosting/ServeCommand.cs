namespace ControlPlane.LoadTest.Hosting;

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ControlPlane.LoadTest.Mesh;

/// <summary>
/// <c>serve</c>: the real host in this process, loaded with the synthetic mesh, plus a line-based control port on
/// 127.0.0.1 through which a load-test run applies changes and reads usage. The load test starts this as a child process
/// by default (so the control plane's CPU and memory are measured apart from the clients); <c>--target</c> connects to
/// one started by hand. Commands: <c>ports</c>, <c>apply KIND SERVICE GENERATION</c>, <c>usage</c>, <c>quit</c>.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(SyntheticMeshSpec spec, int controlPort)
    {
        var mesh = SyntheticMesh.Create(spec);
        using var stop = new CancellationTokenSource();
        await using var target = await InProcessTarget.StartAsync(mesh, sharedWithClients: false, stop.Token).ConfigureAwait(false);
        using var listener = new TcpListener(IPAddress.Loopback, controlPort);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Console.WriteLine(FormattableString.Invariant($"READY xds={target.XdsAddress} monitoring={target.MonitoringAddress} control={port}"));
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
            await ServeClientAsync(client, target, stop).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task ServeClientAsync(TcpClient client, InProcessTarget target, CancellationTokenSource stop)
    {
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream);
        await using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var reply = words.FirstOrDefault() switch
            {
                "ports" => $"PORTS {target.XdsAddress} {target.MonitoringAddress}",
                "apply" => $"OK {await target.ApplyAsync(MeshChange.Parse(words)).ConfigureAwait(false)}",
                "usage" => Usage(await target.UsageAsync().ConfigureAwait(false)),
                "quit" => "BYE",
                _ => $"ERROR unknown command '{line}'",
            };
            await writer.WriteLineAsync(reply).ConfigureAwait(false);
            if (reply == "BYE")
            {
                await stop.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    private static string Usage(ControlPlaneUsage usage) =>
        string.Create(CultureInfo.InvariantCulture, $"USAGE {usage.CpuSeconds:R} {usage.PeakRssMb:R}");
}
