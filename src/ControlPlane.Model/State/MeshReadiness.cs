namespace ControlPlane.Model.State;

using System.Collections.Concurrent;

/// <summary>
/// Tracks whether every source has delivered its initial state. Until then <c>/ready</c> fails and xDS streams wait, so no
/// proxy is ever served an empty or partial mesh at start-up. Thread-safe.
/// </summary>
public sealed class MeshReadiness
{
    private readonly ConcurrentDictionary<string, Task> sources = new(StringComparer.Ordinal);

    /// <summary>Registers a source's initial sync; call before the host starts serving.</summary>
    public void Register(string source, Task initialSync) => sources[source] = initialSync;

    public bool IsReady => sources.Values.All(t => t.IsCompletedSuccessfully);

    /// <summary>Each registered source and whether it has synced.</summary>
    public IReadOnlyDictionary<string, bool> Status => sources.ToDictionary(kv => kv.Key, kv => kv.Value.IsCompletedSuccessfully);

    public Task WhenReadyAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(sources.Values).WaitAsync(cancellationToken);
}
