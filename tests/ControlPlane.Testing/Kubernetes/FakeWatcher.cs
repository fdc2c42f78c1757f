namespace ControlPlane.Testing.Kubernetes;

using System.Threading.Channels;

/// <summary>One open watch: what it watches, the JSON lines still to be written to it, and a way for a fault to drop its connection.</summary>
internal sealed class FakeWatcher(FakeResourcePath path, bool bookmarks) : IDisposable
{
    public FakeResourcePath Path { get; } = path;

    public bool Bookmarks { get; } = bookmarks;

    public Channel<string> Lines { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public CancellationTokenSource Dropped { get; } = new();

    public void Dispose() => Dropped.Dispose();
}
