namespace ControlPlane.Interop.Infrastructure;

using System.Text.Json;

/// <summary>
/// One plain gRPC backend (<c>backend.js</c>) bound to a loopback address with a port it picked itself, so parallel runs
/// never race for ports. Ready once it has printed its bound port.
/// </summary>
internal sealed class Backend : IAsyncDisposable
{
    private readonly NodeProcess process;

    private Backend(NodeProcess process, string name, string version, string host, int port)
    {
        this.process = process;
        Name = name;
        Version = version;
        Host = host;
        Port = port;
    }

    public string Name { get; }

    public string Version { get; }

    public string Host { get; }

    public int Port { get; }

    public static async Task<Backend> StartAsync(string name, string version, string host, CancellationToken cancellationToken)
    {
        var process = NodeProcess.Start("backend.js", ["--host", host, "--port", "0", "--name", name, "--version", version]);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            var line = await process.ReadLineAsync(timeout.Token);
            if (line is not null)
            {
                using var ready = JsonDocument.Parse(line);
                if (ready.RootElement.TryGetProperty("port", out var port))
                {
                    return new Backend(process, name, version, host, port.GetInt32());
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or JsonException)
        {
            // Reported below with the process output.
        }

        await process.DisposeAsync();
        throw new InvalidOperationException(
            $"backend {name} on {host} did not become ready.\nstdout:\n{process.StandardOutput}\nstderr:\n{process.StandardError}");
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
