namespace ControlPlane.Testing.Xds;

using System.Threading.Channels;
using Grpc.Core;

/// <summary>
/// Reads a streaming call's responses on a background task so tests can await them one by one with a timeout.
/// The stream's failure (e.g. the server's RpcException) is rethrown by the next <see cref="NextAsync"/>.
/// </summary>
internal sealed class ResponseInbox<T>
{
    private readonly Channel<T> received = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public ResponseInbox(IAsyncStreamReader<T> stream, CancellationToken cancellationToken) =>
        Completion = PumpAsync(stream, cancellationToken);

    public Task Completion { get; }

    /// <summary>Responses received and not yet taken.</summary>
    public int Count => received.Reader.Count;

    public async Task<T> NextAsync(TimeSpan timeout, string expectation)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            return await received.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            throw new XdsTestException($"no response within {timeout} (expected {expectation})");
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private async Task PumpAsync(IAsyncStreamReader<T> stream, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            while (await stream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                received.Writer.TryWrite(stream.Current);
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            received.Writer.TryComplete(error ?? new XdsTestException("the server closed the stream"));
        }
    }
}
