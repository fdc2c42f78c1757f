namespace ControlPlane.Interop.Infrastructure;

/// <summary>
/// What one <c>client.js</c> run printed, and the control plane's <c>/debug/syncz</c> taken while the client was still
/// connected (what it was sent, ACKed or NACKed), for assertions and failure messages.
/// </summary>
internal sealed record ClientRun(IReadOnlyList<ClientReport> Reports, string StandardOutput, string StandardError, string Syncz)
{
    public ClientReport? Warmup => Reports.FirstOrDefault(r => r.Event == "warmup");

    public ClientReport? Summary => Reports.FirstOrDefault(r => r.Event == "summary");

    public string Explain(string problem) =>
        $"{problem}\n--- /debug/syncz while the client was connected ---\n{Syncz}\n" +
        $"--- client stdout ---\n{StandardOutput}\n--- client stderr ---\n{StandardError}";
}
