namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Pushing;

/// <summary>
/// The protocol half of a stream (SotW or delta): answers requests and sends pushes. Both methods run on the connection's
/// loop, one at a time, and are the only code that writes to the stream.
/// </summary>
internal interface IStreamProtocol<TRequest, TResponse>
{
    Task OnRequestAsync(XdsConnection connection, TRequest request, ResponseWriter<TResponse> writer, CancellationToken cancellationToken);

    Task OnPushAsync(XdsConnection connection, PendingPush push, ResponseWriter<TResponse> writer, CancellationToken cancellationToken);
}
