namespace ControlPlane.Kubernetes.Status;

using System.Net;
using System.Threading.Channels;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Converters;
using ControlPlane.Kubernetes.Informers;
using ControlPlane.Kubernetes.Leadership;
using ControlPlane.Model.Diagnostics;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

/// <summary>
/// Writes each Istio object's validation verdict into its <c>status</c> (shape: <see cref="ValidationStatus"/>) through the
/// status subresource with a JSON merge patch, and only while <see cref="LeaderElector"/> says this process leads. After
/// every rebuild the cluster source publishes its problems; a pass then compares each object's verdict with the status the
/// informer last saw and patches only objects whose status differs (so an unchanged verdict is never rewritten, and a
/// fixed object has its messages removed). Patches are paced by a token bucket and stop the moment leadership ends.
/// </summary>
/// <remarks>
/// Nothing is written before the first rebuild is published: until then every object would look valid, and the messages
/// a previous leader wrote would be cleared for nothing. Thread-safety: <see cref="Publish"/> may be called from any
/// thread; the pass runs on the writer's own loop.
/// </remarks>
internal sealed class IstioStatusWriter
{
    private readonly IKubernetes client;
    private readonly ClusterInformers informers;
    private readonly LeaderElector elector;
    private readonly StatusWriterOptions options;
    private readonly ILogger logger;
    private readonly WriteRateLimiter limiter;
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Dictionary<(string Kind, ResourceKey Key), (string ResourceVersion, string Patch)> inFlight = [];
    private IReadOnlyList<ConfigProblem>? problems;
    private int writes;
    private int passes;

    public IstioStatusWriter(IKubernetes client, ClusterInformers informers, LeaderElector elector, StatusWriterOptions options, ILogger logger)
    {
        this.client = client;
        this.informers = informers;
        this.elector = elector;
        this.options = options;
        this.logger = logger;
        limiter = new WriteRateLimiter(options.QueriesPerSecond, options.Burst, TimeProvider.System);
    }

    /// <summary>Status patches the API server accepted.</summary>
    public int Writes => Volatile.Read(ref writes);

    /// <summary>Completed passes (each compares every Istio object once).</summary>
    public int Passes => Volatile.Read(ref passes);

    /// <summary>Takes the problems of the latest rebuild and asks for a pass.</summary>
    public void Publish(IReadOnlyList<ConfigProblem> latest)
    {
        Volatile.Write(ref problems, latest);
        signals.Writer.TryWrite(true);
    }

    /// <summary>Waits for leadership, writes while leading, and waits again after losing it, until stopped.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            CancellationToken leading;
            try
            {
                leading = await elector.WaitForLeadershipAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            StatusWriterLog.Leading(logger);
            using var scope = CancellationTokenSource.CreateLinkedTokenSource(stop, leading);
            try
            {
                await WriteWhileLeadingAsync(scope.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (scope.IsCancellationRequested)
            {
                StatusWriterLog.Stopped(logger);
            }
        }
    }

    private async Task WriteWhileLeadingAsync(CancellationToken leading)
    {
        // A new leader checks everything once: the previous one may have stopped mid-pass.
        signals.Writer.TryWrite(true);
        while (await signals.Reader.WaitToReadAsync(leading).ConfigureAwait(false))
        {
            signals.Reader.TryRead(out _);
            if (Volatile.Read(ref problems) is not { } latest)
            {
                continue;
            }

            if (!await PassAsync(latest, leading).ConfigureAwait(false))
            {
                await Task.Delay(options.RetryDelay, leading).ConfigureAwait(false);
                signals.Writer.TryWrite(true);
            }
        }
    }

    /// <summary>One comparison of every Istio object with its verdict; false when some write failed and should be retried.</summary>
    private async Task<bool> PassAsync(IReadOnlyList<ConfigProblem> latest, CancellationToken leading)
    {
        leading.ThrowIfCancellationRequested();
        var rejected = latest.Where(p => p.Severity == ProblemSeverity.Error).Select(p => ObjectOrigin(p.Origin)).ToHashSet(StringComparer.Ordinal);
        var next = new Dictionary<(string Kind, ResourceKey Key), (string ResourceVersion, string Patch)>();
        var succeeded = true;
        foreach (var (kind, plural, informer) in informers.Istio)
        {
            foreach (var (key, value) in informer.Snapshot.Items)
            {
                var patch = ValidationStatus.PatchFor(value, rejected.Contains($"kubernetes:{kind}/{key}"));
                var version = value.Metadata?.ResourceVersion ?? "";
                if (patch is null)
                {
                    continue;
                }

                // Written already from this very resourceVersion: the informer has not seen the result yet.
                if (inFlight.TryGetValue((kind, key), out var sent) && sent == (version, patch))
                {
                    next[(kind, key)] = sent;
                    continue;
                }

                await limiter.WaitAsync(leading).ConfigureAwait(false);
                if (await TryPatchAsync(kind, plural, key, value, patch, leading).ConfigureAwait(false))
                {
                    next[(kind, key)] = (version, patch);
                }
                else
                {
                    succeeded = false;
                }
            }
        }

        inFlight = next;
        Interlocked.Increment(ref passes);
        return succeeded;
    }

    private async Task<bool> TryPatchAsync(string kind, string plural, ResourceKey key, CustomResource value, string patch, CancellationToken leading)
    {
        // The version now watched: an object cached from before a version change still names the old one.
        var version = informers.IstioVersions.Current(plural) ?? informers.ApiVersionOf(value, plural).Split('/')[^1];
        try
        {
            await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                new V1Patch(patch, V1Patch.PatchType.MergePatch), KindHandlers.IstioNetworkingGroup, version, key.Namespace, plural, key.Name,
                cancellationToken: leading).ConfigureAwait(false);
            Interlocked.Increment(ref writes);
            StatusWriterLog.Written(logger, kind, key.Namespace, key.Name, patch.Contains("IST", StringComparison.Ordinal) ? "rejected" : "valid");
            return true;
        }
        catch (HttpOperationException ex) when (ex.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted meanwhile: nothing left to write.
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StatusWriterLog.Failed(logger, ex, kind, key.Namespace, key.Name);
            return false;
        }
    }

    /// <summary>The object part of a problem's origin: <c>kubernetes:Kind/ns/name</c> without the document index.</summary>
    private static string ObjectOrigin(string origin)
    {
        var hash = origin.LastIndexOf('#');
        return hash < 0 ? origin : origin[..hash];
    }
}
