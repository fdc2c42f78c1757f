namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Status;
using Grpc.Core;
using Microsoft.Extensions.Options;

/// <summary>
/// Runs one ADS stream after its first request was read: registers the connection, answers that request, then runs the
/// connection's loop (<see cref="ConnectionLoop"/>) over the remaining requests and queued pushes until the stream ends,
/// and unregisters it. Protocol-specific work is delegated to an <see cref="IStreamProtocol{TRequest, TResponse}"/>.
/// </summary>
internal sealed class ConnectionRunner(ConnectionRegistry registry, PushThrottle throttle, IOptions<XdsOptions> options, StreamTelemetry telemetry)
{
    private static readonly TimeSpan PumpStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Serves one ADS stream: the node comes from the first request (<c>set_node_on_first_message_only</c>); a missing or
    /// malformed node fails the stream with InvalidArgument before any connection state exists.
    /// </summary>
    public async Task ServeAsync<TRequest, TResponse>(
        XdsProtocol protocol,
        Func<TRequest, Envoy.Config.Core.V3.Node?> nodeOf,
        IAsyncStreamReader<TRequest> requests,
        IAsyncStreamWriter<TResponse> responses,
        StreamContext stream,
        IStreamProtocol<TRequest, TResponse> handler)
    {
        if (!await requests.MoveNext(stream.Cancellation).ConfigureAwait(false))
        {
            return;
        }

        var first = requests.Current;
        Proxy proxy;
        try
        {
            proxy = NodeReader.Read(nodeOf(first));
        }
        catch (RpcException e)
        {
            ServingLog.InvalidNode(telemetry.Logger, stream.Peer, e.Status.Detail);
            throw;
        }

        await RunAsync(proxy, protocol, first, requests, responses, stream, handler).ConfigureAwait(false);
    }

    public async Task RunAsync<TRequest, TResponse>(
        Proxy proxy,
        XdsProtocol protocol,
        TRequest first,
        IAsyncStreamReader<TRequest> requests,
        IAsyncStreamWriter<TResponse> responses,
        StreamContext stream,
        IStreamProtocol<TRequest, TResponse> handler)
    {
        var settings = options.Value;
        var connection = registry.Open(proxy, protocol);
        ServingLog.Opened(telemetry.Logger, protocol, connection.Id, proxy.Id, proxy.Type, proxy.Kind, stream.Peer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stream.Cancellation);
        var token = stop.Token;
        var writer = new ResponseWriter<TResponse>(responses, settings.SendTimeout, telemetry.Time, telemetry.Metrics, stream.Abort);
        RequestPump<TRequest>? pump = null;
        try
        {
            await handler.OnRequestAsync(connection, first, writer, token).ConfigureAwait(false);
            pump = new RequestPump<TRequest>(requests, settings.RequestBufferSize, token);
            await ConnectionLoop.RunAsync(
                pump.Reader,
                connection.Pushes,
                throttle,
                r => handler.OnRequestAsync(connection, r, writer, token),
                p => handler.OnPushAsync(connection, p, writer, token),
                token).ConfigureAwait(false);
            ServingLog.Ended(telemetry.Logger, connection.Id, "proxy closed the stream");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            ServingLog.SendTimedOut(telemetry.Logger, connection.Id, settings.SendTimeout);
            throw;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException || stream.Cancellation.IsCancellationRequested)
        {
            // The proxy went away (reset, cancel, or read error): normal for a long-lived stream.
            ServingLog.Ended(telemetry.Logger, connection.Id, "stream reset or cancelled", e);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (pump is not null)
            {
                // Do not leave a read running on a call that is about to complete; the read honours cancellation, the
                // bound only guards against a transport that does not.
                await pump.Completion.WaitAsync(PumpStopTimeout, telemetry.Time, CancellationToken.None)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            registry.Close(connection);
            ServingLog.Closed(telemetry.Logger, connection.Id, (telemetry.Now - connection.ConnectedAt).TotalSeconds);
        }
    }
}
