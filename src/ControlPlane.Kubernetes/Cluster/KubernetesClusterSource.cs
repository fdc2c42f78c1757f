namespace ControlPlane.Kubernetes.Cluster;

using System.Threading.Channels;
using ControlPlane.Kubernetes.Leadership;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Kubernetes.Status;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// Serves a Kubernetes cluster as a mesh source: informers for Namespaces, Services, EndpointSlices, Pods, Nodes and the
/// networking.istio.io kinds; once every one has synced, the mesh is built with the YAML source's converters and
/// assembler and applied to the <see cref="MeshStore"/> under the source name <c>kubernetes</c>. After that, each change
/// triggers a rebuild whose difference from the last applied state is applied: only the entries that changed, so a pod
/// or EndpointSlice change becomes an endpoint-only delta (an EDS push). Changes arriving during a rebuild are coalesced
/// into the next one.
/// </summary>
/// <remarks>
/// With <see cref="ClusterSourceOptions.WatchMeshConfigMap"/>, the <c>istio</c> ConfigMap's <c>mesh</c> key is applied
/// with <see cref="MeshStore.SetMeshConfig"/> before each rebuild; any MeshConfig change, from there or from a file,
/// triggers a rebuild, since discoverySelectors and the root namespace shape what is served.
/// With <see cref="ClusterSourceOptions.WriteStatus"/>, a <see cref="LeaderElector"/> competes for the Lease and, while it
/// leads, an <see cref="IstioStatusWriter"/> writes each rebuild's validation verdicts into the Istio objects' status.
/// </remarks>
public sealed class KubernetesClusterSource : IHostedService, IConfigDiagnostics, IPushRequestSink, IDisposable
{
    public const string Name = "kubernetes";

    private readonly MeshStore store;
    private readonly ILogger logger;
    private readonly IKubernetes client;
    private readonly ClusterInformers informers;
    private readonly ClusterMeshBuilder builder;
    private readonly MeshStateDiffer differ = new();
    private readonly Channel<bool> changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource initialSync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private IReadOnlyList<ConfigProblem> problems = [];
    private HashSet<string> logged = new(StringComparer.Ordinal);
    private readonly MeshConfigApplier meshConfigMap;
    private readonly LeaderElector? elector;
    private readonly IstioStatusWriter? statusWriter;
    private MeshConfig lastMesh;
    private bool meshConfigMapApplied;
    private Task? running;
    private int rebuilds;
    private int disposed;

    public KubernetesClusterSource(MeshStore store, MeshReadiness readiness, IOptions<ClusterSourceOptions> options, ILoggerFactory loggers)
        : this(store, readiness, options, loggers, null)
    {
    }

    /// <summary>With <paramref name="schemas"/>, Istio objects of the kinds the CRD bundle defines are schema-checked before conversion.</summary>
    internal KubernetesClusterSource(
        MeshStore store, MeshReadiness readiness, IOptions<ClusterSourceOptions> options, ILoggerFactory loggers, CrdSchemaSet? schemas)
    {
        this.store = store;
        logger = loggers.CreateLogger<KubernetesClusterSource>();
        client = ClusterClientFactory.Create(options.Value);
        informers = new ClusterInformers(client, options.Value, loggers);
        informers.OnChange(_ => changed.Writer.TryWrite(true));
        builder = new ClusterMeshBuilder(informers, options.Value, schemas);
        meshConfigMap = new MeshConfigApplier(store, $"ConfigMap {options.Value.Namespace}/{informers.MeshConfigMapName}", logger);
        if (options.Value.WriteStatus)
        {
            // The only writer to the API server today; leader election runs only when something writes.
            elector = new LeaderElector(new KubernetesLeaseClient(client), LeaseOptions(options.Value), loggers.CreateLogger<LeaderElector>());
            statusWriter = new IstioStatusWriter(client, informers, elector, options.Value.StatusWriter, loggers.CreateLogger<IstioStatusWriter>());
        }

        lastMesh = store.Current.Mesh;
        store.Subscribe(this);

        // Registered when the container creates the source, which is before the host serves anything, so /ready and
        // xDS wait for every informer from the first request on.
        readiness.Register(Name, initialSync.Task);
    }

    public string SourceName => Name;

    /// <summary>Completes once every informer has synced and the resulting mesh is in the store.</summary>
    public Task InitialSync => initialSync.Task;

    public bool HasSynced => initialSync.Task.IsCompletedSuccessfully;

    public IReadOnlyList<ConfigProblem> Problems => Volatile.Read(ref problems);

    /// <summary>Rebuilds done, whether or not they changed anything.</summary>
    internal int RebuildCount => Volatile.Read(ref rebuilds);

    /// <summary>Objects converted so far; unchanged objects are not converted again by a rebuild.</summary>
    internal int Conversions => builder.Conversions;

    /// <summary>The leader elector gating writes; null unless status writes are on.</summary>
    internal LeaderElector? Elector => elector;

    internal IstioStatusWriter? StatusWriter => statusWriter;

    internal ClusterInformers Informers => informers;

    /// <summary>
    /// The Lease this source competes for: the options' name with <c>-&lt;revision&gt;</c> appended for a revision (so
    /// revisions elect separately, as istiod's per-revision elections do), in the control plane's namespace.
    /// </summary>
    public static string LeaseNameFor(ClusterSourceOptions options) =>
        options.Revision.Length == 0 ? options.LeaderElection.LeaseName : $"{options.LeaderElection.LeaseName}-{options.Revision}";

    /// <summary>
    /// Called by the store under its lock, so it only signals: a MeshConfig different from the one last seen (a new
    /// record is a new MeshConfig) asks for a rebuild; the source's own applies leave it unchanged and signal nothing.
    /// </summary>
    public void Enqueue(PushRequest request, MeshSnapshot snapshot)
    {
        if (!ReferenceEquals(Interlocked.Exchange(ref lastMesh, snapshot.Mesh), snapshot.Mesh))
        {
            changed.Writer.TryWrite(true);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ClusterSourceLog.Starting(logger, informers.All.Count, client is Kubernetes k ? k.BaseUri.ToString() : "");
        var token = stopping.Token;
        var loops = informers.All
            .Select(i => Task.Run(() => i.RunAsync(token), CancellationToken.None))
            .Append(Task.Run(() => ApplyLoopAsync(token), CancellationToken.None));
        if (elector is not null && statusWriter is not null)
        {
            loops = loops.Append(Task.Run(() => elector.RunAsync(token), CancellationToken.None))
                .Append(Task.Run(() => statusWriter.RunAsync(token), CancellationToken.None));
        }

        running = Task.WhenAll(loops);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (running is not null)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Idempotent: the container disposes the instance once per registration that exposes it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stopping.Cancel();
        stopping.Dispose();
        elector?.Dispose();
        client.Dispose();
    }

    /// <summary>
    /// Waits for every informer, then rebuilds once per coalesced batch of changes. The initial sync completes with the
    /// first rebuild that succeeds; a failed one leaves the last applied state (or, at first, readiness) as it was.
    /// </summary>
    private async Task ApplyLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(informers.All.Select(i => i.WaitForSyncAsync(cancellationToken))).ConfigureAwait(false);

            // Whatever changed while the informers synced is already in their snapshots: the first rebuild covers it.
            var pending = true;
            while (pending)
            {
                changed.Reader.TryRead(out _);
                if (TryRebuild(out var objects) && initialSync.TrySetResult())
                {
                    ClusterSourceLog.Synced(logger, objects);
                }

                pending = await changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            initialSync.TrySetCanceled(cancellationToken);
        }
    }

    private bool TryRebuild(out int objects)
    {
        try
        {
            objects = Rebuild();
            return true;
        }
        catch (Exception ex)
        {
            ClusterSourceLog.RebuildFailed(logger, ex);
            objects = 0;
            return false;
        }
    }

    /// <summary>Builds the mesh from the snapshots and applies what changed; returns the number of objects read.</summary>
    private int Rebuild()
    {
        ApplyMeshConfigMap();
        var (complete, found, objects) = builder.Build(store.Current.Mesh);
        Report(found);
        statusWriter?.Publish(found);
        var delta = differ.Diff(complete);
        Interlocked.Increment(ref rebuilds);
        if (delta.IsEmpty)
        {
            ClusterSourceLog.Unchanged(logger);
            return objects;
        }

        store.Apply(Name, delta);
        ClusterSourceLog.Applied(logger, delta.UpsertedServices.Length, delta.UpsertedEndpoints.Length, delta.UpsertedConfigs.Length,
            delta.UpsertedNamespaces.Length, delta.RemovedServices.Length, delta.RemovedConfigs.Length, delta.RemovedNamespaces.Length);
        return objects;
    }

    /// <summary>
    /// Applies the ConfigMap's <c>mesh</c> key. A ConfigMap that is absent from the start leaves the store's MeshConfig
    /// alone (no needless global push); one that disappears later falls back to istiod's defaults, as istiod does.
    /// </summary>
    private void ApplyMeshConfigMap()
    {
        if (informers.MeshConfigMap is not { } informer)
        {
            return;
        }

        var map = informer.Snapshot.Items.Values.FirstOrDefault(m => m.Metadata?.Name == informers.MeshConfigMapName);
        string? text = null;
        map?.Data?.TryGetValue("mesh", out text);
        if (text is null && !meshConfigMapApplied)
        {
            return;
        }

        meshConfigMapApplied = true;
        meshConfigMap.Apply(text ?? "");
    }

    private static LeaderElectionOptions LeaseOptions(ClusterSourceOptions options) => new()
    {
        LeaseName = LeaseNameFor(options),
        Namespace = options.Namespace,
        Identity = options.LeaderElection.Identity,
        LeaseDuration = options.LeaderElection.LeaseDuration,
        RenewDeadline = options.LeaderElection.RenewDeadline,
        RetryPeriod = options.LeaderElection.RetryPeriod,
        ReleaseOnStop = options.LeaderElection.ReleaseOnStop,
    };

    /// <summary>
    /// Publishes the problems and logs each rejection once. Warnings are only published: API server defaults (fields
    /// this control plane does not read) would otherwise log one line per object.
    /// </summary>
    private void Report(IReadOnlyList<ConfigProblem> found)
    {
        Volatile.Write(ref problems, found);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in found.Where(p => p.Severity == ProblemSeverity.Error))
        {
            var text = problem.ToString();
            if (current.Add(text) && !logged.Contains(text))
            {
                ClusterSourceLog.Rejected(logger, problem.Origin, problem.Kind, problem.Namespace, problem.Name, problem.Field, problem.Message);
            }
        }

        logged = current;
    }
}
