namespace ControlPlane.Xds.Serving;

using System.Threading.Channels;
using Grpc.Core;

/// <summary>
/// Reads a stream's requests on their own task into a bounded channel, so the connection's loop can wait for a request
/// or a push at once. When the channel is full the pump stops reading and HTTP/2 flow control slows the proxy down; no
/// request is dropped. The channel completes when the proxy half-closes, or faults with the read error.
/// </summary>
internal sealed class RequestPump<T>
{
    private readonly Channel<T> channel;

    public RequestPump(IAsyncStreamReader<T> stream, int capacity, CancellationToken cancellationToken)
    {
        channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Completion = PumpAsync(stream, cancellationToken);
    }

    public ChannelReader<T> Reader => channel.Reader;

    /// <summary>Completes (never faults) once the pump stopped reading.</summary>
    public Task Completion { get; }

    private async Task PumpAsync(IAsyncStreamReader<T> stream, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Exception? error = null;
        try
        {
            while (await stream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                await channel.Writer.WriteAsync(stream.Current, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            channel.Writer.TryComplete(error);
        }
    }
}
