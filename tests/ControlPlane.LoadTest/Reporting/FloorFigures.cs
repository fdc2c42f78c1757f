namespace ControlPlane.LoadTest.Reporting;

/// <summary>
/// The report's <c>floor</c>: the connect time of the same clients against a server that only replays the bytes the
/// control plane sent them, and the control plane's connect time divided by it.
/// </summary>
internal sealed record FloorFigures(double ConnectMs, double Ratio, long BytesSent, int ClientsConverged);
