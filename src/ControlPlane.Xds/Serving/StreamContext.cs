namespace ControlPlane.Xds.Serving;

using Grpc.Core;
using Microsoft.AspNetCore.Http;

/// <summary>
/// What a stream handler needs from the call: who is calling, when the call ends, and how to tear down the transport of
/// a stuck stream (an HTTP/2 reset fails a write that would otherwise never complete).
/// </summary>
internal sealed record StreamContext(string Peer, Action Abort, CancellationToken Cancellation)
{
    public static StreamContext From(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        return new StreamContext(context.Peer, http.Abort, context.CancellationToken);
    }
}
