namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Metrics;
using Grpc.Core;

/// <summary>
/// Writes responses to one stream with a deadline. A write that does not complete within the send timeout means the
/// proxy stopped reading (or the network did): the transport is aborted, which fails the pending write, and the stream
/// ends with DeadlineExceeded; the proxy reconnects and resyncs from scratch. Used by the connection's loop only, so
/// writes never overlap.
/// </summary>
internal sealed class ResponseWriter<T>(IAsyncStreamWriter<T> stream, TimeSpan timeout, TimeProvider time, XdsMetrics metrics, Action abort)
{
    public TimeSpan Timeout => timeout;

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        try
        {
            // The write itself is never cancelled part-way (that would corrupt the stream); the wait for it is. Most writes
            // complete at once (buffered by HTTP/2), so the deadline timer is only armed for those that do not.
            var write = stream.WriteAsync(message, CancellationToken.None);
            if (!write.IsCompleted)
            {
                await write.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            }

            await write.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            metrics.WriteTimeout();
            abort();
            throw new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, $"response not accepted within {timeout}"));
        }

        metrics.SendTime(time.GetElapsedTime(start).TotalSeconds);
    }
}
