namespace ControlPlane.Xds.Tests.Serving.Fakes;

using System.Threading.Channels;
using Grpc.Core;

/// <summary>A request stream the test writes into; honours cancellation like the real one.</summary>
internal sealed class FakeRequestStream<T> : IAsyncStreamReader<T>
{
    private readonly Channel<T> pending = Channel.CreateUnbounded<T>();

    public T Current { get; private set; } = default!;

    public void Send(T request) => pending.Writer.TryWrite(request);

    public void Complete() => pending.Writer.TryComplete();

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await pending.Reader.WaitToReadAsync(cancellationToken))
        {
            return false;
        }

        Current = await pending.Reader.ReadAsync(cancellationToken);
        return true;
    }
}
