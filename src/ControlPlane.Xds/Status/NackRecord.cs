namespace ControlPlane.Xds.Status;

/// <summary>The last rejection a proxy sent for a type: the nonce it rejected, the version it kept, and Envoy's message.</summary>
public sealed record NackRecord(string Nonce, string KeptVersion, string Message, DateTimeOffset At);
