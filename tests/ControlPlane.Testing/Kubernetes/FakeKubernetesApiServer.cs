namespace ControlPlane.Testing.Kubernetes;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// An in-process Kubernetes API server for list and watch: HTTP/1.1 on 127.0.0.1 with an ephemeral port, lists with
/// <c>metadata.resourceVersion</c>, <c>?watch=true</c> (or <c>1</c>) chunked streams of JSON lines, replay from a
/// resourceVersion, 410 Gone for a compacted one (a watch ERROR event, or the HTTP status with <see cref="GoneAsHttpStatus"/>),
/// bookmarks on request, <c>timeoutSeconds</c>, and faults: failed requests, slow responses, dropped watch connections.
/// Driven by the real KubernetesClient through <see cref="CreateClient"/>.
/// </summary>
public sealed class FakeKubernetesApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<FakeApiRequest> requests = [];
    private readonly Queue<(int Status, bool? Watch)> failures = new();
    private TaskCompletionSource requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource listsResumed = Resumed();

    private FakeKubernetesApiServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public FakeResourceStore Store { get; } = new();

    /// <summary>A delay before every list or watch is answered (a slow API server).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Answer a watch from a compacted resourceVersion with HTTP 410 rather than a 200 stream with an ERROR event.</summary>
    public bool GoneAsHttpStatus { get; set; }

    public KubernetesClientConfiguration ClientConfiguration => new() { Host = Url.ToString() };

    public IReadOnlyList<FakeApiRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<FakeKubernetesApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        FakeKubernetesApiServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeKubernetesApiServer(app, new Uri(address));
        return server;
    }

    public IKubernetes CreateClient() => new k8s.Kubernetes(ClientConfiguration);

    /// <summary>Writes a kubeconfig file pointing at this server and returns its path.</summary>
    public string WriteKubeconfig(string path)
    {
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {Url}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
            current-context: fake
            users:
            - name: fake
              user:
                token: fake
            """);
        return path;
    }

    /// <summary>Answers the next <paramref name="count"/> requests (only watches or only lists, if said) with <paramref name="status"/>.</summary>
    public void FailNextRequests(int status, int count, bool? watch = null)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Enqueue((status, watch));
            }
        }
    }

    /// <summary>Holds every list request (those arriving now and later) unanswered until <see cref="ResumeLists"/>.</summary>
    public void PauseLists()
    {
        lock (gate)
        {
            if (listsResumed.Task.IsCompleted)
            {
                listsResumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void ResumeLists()
    {
        lock (gate)
        {
            listsResumed.TrySetResult();
        }
    }

    /// <summary>Forgets failures injected by <see cref="FailNextRequests"/> that have not happened yet.</summary>
    public void ClearFailures()
    {
        lock (gate)
        {
            failures.Clear();
        }
    }

    /// <summary>Ends every open watch cleanly after the events queued for it, as a server-side watch timeout does.</summary>
    public void CloseWatches() => Store.CloseWatches();

    /// <summary>Ends every open watch with an ERROR event carrying a Status of <paramref name="code"/> (410 means Gone).</summary>
    public void FailWatches(int code) => Store.FailWatches(Status(code, code == 410 ? "Expired" : "InternalError", "injected watch error"));

    /// <summary>Drops every open watch connection mid-stream, without a clean end of the response.</summary>
    public void DropWatches() => Store.DropWatches();

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived (now or before); the timeout is a failure guard.</summary>
    public async Task<FakeApiRequest> WaitForRequestAsync(Func<FakeApiRequest, bool> match, TimeSpan? timeout = null)
    {
        using var guard = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task arrived;
            lock (gate)
            {
                if (requests.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                arrived = requestArrived.Task;
            }

            await arrived.WaitAsync(guard.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private static TaskCompletionSource Resumed()
    {
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        resumed.SetResult();
        return resumed;
    }

    private static bool Flag(HttpRequest request, string name) => request.Query[name].ToString() is "true" or "1";

    private static async Task WriteStatusAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Status(code, reason, message).ToJsonString()).ConfigureAwait(false);
    }

    private static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    private async Task HandleAsync(HttpContext context)
    {
        var path = FakeResourcePath.Parse(context.Request.Path.Value ?? "");
        if (path is null || !HttpMethods.IsGet(context.Request.Method))
        {
            await WriteStatusAsync(context, 404, "NotFound", "the fake API server serves list and watch of collections only").ConfigureAwait(false);
            return;
        }

        var watch = Flag(context.Request, "watch");
        var resourceVersion = context.Request.Query["resourceVersion"].ToString();
        var failure = Record(new FakeApiRequest(path.Resource, watch, resourceVersion, Flag(context.Request, "allowWatchBookmarks"), path.Namespace));
        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, context.RequestAborted).ConfigureAwait(false);
        }

        if (failure is { } status)
        {
            await WriteStatusAsync(context, status, "InternalError", "injected failure").ConfigureAwait(false);
        }
        else if (!watch)
        {
            Task resumed;
            lock (gate)
            {
                resumed = listsResumed.Task;
            }

            await resumed.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Store.List(path).ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await WatchAsync(context, path, resourceVersion).ConfigureAwait(false);
        }
    }

    /// <summary>Logs the request and takes the failure injected for it, if any.</summary>
    private int? Record(FakeApiRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            requestArrived.TrySetResult();
            requestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (failures.TryPeek(out var next) && (next.Watch is null || next.Watch == request.Watch))
            {
                failures.Dequeue();
                return next.Status;
            }

            return null;
        }
    }

    private async Task WatchAsync(HttpContext context, FakeResourcePath path, string resourceVersion)
    {
        var watcher = Store.Watch(path, resourceVersion, Flag(context.Request, "allowWatchBookmarks"));
        if (watcher is null)
        {
            var message = $"too old resource version: {resourceVersion} ({Store.ResourceVersion})";
            if (GoneAsHttpStatus)
            {
                await WriteStatusAsync(context, 410, "Expired", message).ConfigureAwait(false);
                return;
            }

            // What an API server does: a 200 stream whose only event is an ERROR carrying a 410 Status, then the end.
            context.Response.ContentType = "application/json";
            var line = new JsonObject { ["type"] = "ERROR", ["object"] = Status(410, "Expired", message) }.ToJsonString();
            await context.Response.WriteAsync(line + "\n").ConfigureAwait(false);
            return;
        }

        using var _ = watcher;
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, watcher.Dropped.Token, stopping.Token);
        if (int.TryParse(context.Request.Query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            end.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        try
        {
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(end.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(end.Token).ConfigureAwait(false);
            await foreach (var line in watcher.Lines.Reader.ReadAllAsync(end.Token).ConfigureAwait(false))
            {
                await context.Response.WriteAsync(line + "\n", end.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(end.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (watcher.Dropped.IsCancellationRequested)
        {
            // A dropped connection: no terminating chunk, so the client sees a broken stream, not a clean end.
            context.Abort();
        }
        catch (OperationCanceledException)
        {
            // Timeout, shutdown or a client that went away: end the response cleanly.
        }
        finally
        {
            Store.Unregister(watcher);
        }
    }
}
