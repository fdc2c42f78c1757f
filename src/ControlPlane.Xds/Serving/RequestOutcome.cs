namespace ControlPlane.Xds.Serving;

/// <summary>How a request relates to what was last sent on its type (istiod's <c>ShouldRespond</c> cases).</summary>
internal enum RequestOutcome
{
    /// <summary>A new subscription, a reconnect (empty nonce) or an ACK that added names: answer it.</summary>
    Respond,
    /// <summary>The client accepted the last response and wants nothing new.</summary>
    Ack,
    /// <summary>error_detail set: the client rejected a response and keeps its previous version. Never answered.</summary>
    Nack,
    /// <summary>The nonce is not the last one sent: a newer response is in flight, so the request is outdated.</summary>
    Stale,
    /// <summary>SotW EDS/RDS with no names: the watch is dropped.</summary>
    Unsubscribe,
    /// <summary>Nothing to record or answer (e.g. a NACK or unsubscribe for a type never subscribed).</summary>
    Ignore,
}
