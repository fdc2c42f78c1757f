namespace ControlPlane.Xds.Tests.Serving.Fakes;

using System.Threading.Channels;
using Grpc.Core;

/// <summary>
/// A response stream that records what is written, or, once <see cref="Stick"/> is called, never completes a write
/// (a proxy that stopped reading) until <see cref="Abort"/> fails it, as a transport reset does.
/// </summary>
internal sealed class FakeResponseStream<T> : IServerStreamWriter<T>
{
    private readonly Channel<T> written = Channel.CreateUnbounded<T>();
    private readonly TaskCompletionSource stuckWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stuckWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool stuck;

    public WriteOptions? WriteOptions { get; set; }

    public bool Aborted { get; private set; }

    /// <summary>Completes when a write has started blocking.</summary>
    public Task StuckWriteStarted => stuckWriteStarted.Task;

    public void Stick() => stuck = true;

    public void Abort()
    {
        Aborted = true;
        stuckWrite.TrySetException(new IOException("stream reset"));
    }

    public Task WriteAsync(T message)
    {
        if (stuck)
        {
            stuckWriteStarted.TrySetResult();
            return stuckWrite.Task;
        }

        written.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public async Task<T> NextAsync() => await written.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    public int Count => written.Reader.Count;
}
