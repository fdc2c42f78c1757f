namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Subscribes the <see cref="PushScheduler"/> to the host's <see cref="MeshStore"/> on start and runs the debounce loop
/// until stop. Changes applied before start are not lost: the first push context is built from the store's current state.
/// In the host (where sources register with <see cref="MeshReadiness"/>), a global push follows as soon as every source
/// has synced, as istiod pushes once its caches have synced, so the first context and <c>pilot_services</c> do not wait
/// for a change or a proxy.
/// </summary>
internal sealed class PushSchedulerHostedService(
    MeshStore store,
    PushScheduler scheduler,
    ILogger<PushSchedulerHostedService> logger,
    MeshReadiness? readiness = null)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        scheduler.Attach(store);
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        if (readiness is not null)
        {
            _ = Task.Run(() => PushOnceSyncedAsync(readiness, stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task PushOnceSyncedAsync(MeshReadiness sources, CancellationToken cancellationToken)
    {
        try
        {
            await sources.WhenReadyAsync(cancellationToken).ConfigureAwait(false);
            scheduler.PushInitial(store);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A source that failed its initial sync is reported by /ready; the first connection builds the context.
            PushLog.InitialContextFailed(logger, e);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            PushLog.SchedulerStopped(logger, e);
        }
    }
}
