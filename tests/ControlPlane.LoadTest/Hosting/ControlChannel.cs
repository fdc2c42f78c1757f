namespace ControlPlane.LoadTest.Hosting;

using System.Globalization;
using System.Net.Sockets;

/// <summary>The client side of <see cref="ServeCommand"/>'s control port: one request line, one reply line. Not thread-safe.</summary>
internal sealed class ControlChannel : IDisposable
{
    private readonly TcpClient client;
    private readonly StreamReader reader;
    private readonly StreamWriter writer;

    private ControlChannel(TcpClient client)
    {
        this.client = client;
        var stream = client.GetStream();
        reader = new StreamReader(stream);
        writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
    }

    public static async Task<ControlChannel> ConnectAsync(string host, int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(host, port).ConfigureAwait(false);
        return new ControlChannel(client);
    }

    public async Task<string[]> AskAsync(string line)
    {
        await writer.WriteLineAsync(line).ConfigureAwait(false);
        var reply = await reader.ReadLineAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException($"control port closed while answering '{line}'");
        if (reply.StartsWith("ERROR", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"control port: {reply}");
        }

        return reply.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public async Task<long> ApplyAsync(MeshChange change) =>
        long.Parse((await AskAsync(change.ToLine()).ConfigureAwait(false))[1], CultureInfo.InvariantCulture);

    public void Dispose()
    {
        reader.Dispose();
        writer.Dispose();
        client.Dispose();
    }
}
