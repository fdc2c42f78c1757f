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
/// An in-process Kubernetes API server: HTTP/1.1 on 127.0.0.1 with an ephemeral port, lists with
/// <c>metadata.resourceVersion</c>, <c>?watch=true</c> (or <c>1</c>) chunked streams of JSON lines, replay from a
/// resourceVersion, 410 Gone for a compacted one (a watch ERROR event, or the HTTP status with <see cref="GoneAsHttpStatus"/>),
/// bookmarks on request, <c>timeoutSeconds</c>; single objects by GET, POST (409 AlreadyExists), PUT (409 Conflict when the
/// resourceVersion sent is not the stored one) and a JSON merge PATCH of the <c>status</c> subresource; discovery
/// (<c>/apis</c>, <c>/apis/{group}</c>, <c>/apis/{group}/{version}</c>) from <see cref="Discovery"/>, with 404 for a
/// version a group does not serve; and faults: failed requests, slow responses, dropped watch connections.
/// Driven by the real KubernetesClient through <see cref="CreateClient"/>.
/// </summary>
public sealed class FakeKubernetesApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<FakeApiRequest> requests = [];
    private readonly Queue<(int Status, bool? Watch)> failures = new();
    private readonly List<(Func<FakeApiRequest, bool> Match, int Status)> failureRules = [];
    private TaskCompletionSource requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource listsResumed = Resumed();

    private FakeKubernetesApiServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
        Store = new FakeResourceStore(Discovery);
    }

    public Uri Url { get; }

    public FakeApiDiscovery Discovery { get; } = new();

    public FakeResourceStore Store { get; }

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

    /// <summary>Answers every request matching <paramref name="match"/> with <paramref name="status"/> until <see cref="ClearFailures"/>.</summary>
    public void FailRequests(Func<FakeApiRequest, bool> match, int status)
    {
        lock (gate)
        {
            failureRules.Add((match, status));
        }
    }

    /// <summary>Forgets failures injected by <see cref="FailNextRequests"/> that have not happened yet, and every <see cref="FailRequests"/> rule.</summary>
    public void ClearFailures()
    {
        lock (gate)
        {
            failures.Clear();
            failureRules.Clear();
        }
    }

    /// <summary>Ends every open watch cleanly after the events queued for it, as a server-side watch timeout does.</summary>
    public void CloseWatches() => Store.CloseWatches();

    /// <summary>Ends every open watch with an ERROR event carrying a Status of <paramref name="code"/> (410 means Gone).</summary>
    public void FailWatches(int code) => Store.FailWatches(FakeApiResponses.Status(code, code == 410 ? "Expired" : "InternalError", "injected watch error"));

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

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Request.Path.Value ?? "";
        if (await TryDiscoveryAsync(context, raw).ConfigureAwait(false))
        {
            return;
        }

        var path = FakeResourcePath.Parse(raw);
        var verb = path is null ? null : FakeApiResponses.VerbOf(context.Request, path);
        if (path is null || verb is null)
        {
            await FakeApiResponses.WriteStatusAsync(context, 405, "MethodNotAllowed", "the fake API server does not serve this request").ConfigureAwait(false);
            return;
        }

        var watch = verb == "watch";
        var body = HttpMethods.IsGet(context.Request.Method) ? null : await new StreamReader(context.Request.Body).ReadToEndAsync().ConfigureAwait(false);
        var resourceVersion = context.Request.Query["resourceVersion"].ToString();
        var request = new FakeApiRequest(path.Resource, watch, resourceVersion, FakeApiResponses.Flag(context.Request, "allowWatchBookmarks"), path.Namespace)
        {
            Verb = verb,
            Name = path.Name,
            Subresource = path.Subresource,
            Body = body,
        };
        // A watch that will be served is logged once its watcher is registered, so a test that saw the request can fail,
        // drop or close that watch right away; every other request is logged on arrival.
        var failure = TakeFailure(request);
        var logWhenOpened = watch && failure is null;
        if (!logWhenOpened)
        {
            Log(request);
        }

        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, context.RequestAborted).ConfigureAwait(false);
        }

        if (failure is { } status)
        {
            await FakeApiResponses.WriteStatusAsync(context, status, status == 409 ? "Conflict" : "InternalError", "injected failure").ConfigureAwait(false);
        }
        else
        {
            await AnswerAsync(context, path, verb, resourceVersion, body, logWhenOpened ? () => Log(request) : null).ConfigureAwait(false);
        }
    }

    /// <summary>Answers a request no fault was injected into: 404 for an unserved version, else by its verb.</summary>
    /// <param name="watchOpened">For a watch, called once it is registered (or refused): when its request is logged.</param>
    private async Task AnswerAsync(HttpContext context, FakeResourcePath path, string verb, string resourceVersion, string? body, Action? watchOpened)
    {
        if (!Discovery.Serves(path))
        {
            watchOpened?.Invoke();
            await FakeApiResponses.WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource").ConfigureAwait(false);
        }
        else if (verb == "list")
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
        else if (verb == "watch")
        {
            await WatchAsync(context, path, resourceVersion, watchOpened ?? (() => { })).ConfigureAwait(false);
        }
        else
        {
            await FakeApiResponses.WriteObjectAsync(context, Store, path, verb, body).ConfigureAwait(false);
        }
    }

    /// <summary>Answers the discovery endpoints; false when the path is not one of them.</summary>
    private async Task<bool> TryDiscoveryAsync(HttpContext context, string raw)
    {
        var parts = raw.Trim('/').Split('/');
        if (!HttpMethods.IsGet(context.Request.Method) || parts is not (["apis"] or ["apis", _] or ["apis", _, _]))
        {
            return false;
        }

        var failure = Record(new FakeApiRequest("/" + string.Join('/', parts), false, null, false, null) { Verb = "discover" });
        var document = failure is not null ? null : parts switch
        {
            ["apis"] => Discovery.GroupList(),
            ["apis", var group] => Discovery.Group(group),
            _ => Discovery.ResourceList(parts[1], parts[2]),
        };
        if (failure is { } status)
        {
            await FakeApiResponses.WriteStatusAsync(context, status, "InternalError", "injected failure").ConfigureAwait(false);
        }
        else if (document is null)
        {
            await FakeApiResponses.WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource").ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(document.ToJsonString()).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Logs the request and takes the failure injected for it, if any.</summary>
    private int? Record(FakeApiRequest request)
    {
        Log(request);
        return TakeFailure(request);
    }

    private void Log(FakeApiRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            requestArrived.TrySetResult();
            requestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>The failure injected for the request, if any (a queued one is used up).</summary>
    private int? TakeFailure(FakeApiRequest request)
    {
        lock (gate)
        {
            if (failureRules.FirstOrDefault(r => r.Match(request)) is { Match: not null } rule)
            {
                return rule.Status;
            }

            // Discovery is not a list or watch: queued failures are for those.
            if (request.Verb != "discover" && failures.TryPeek(out var next) && (next.Watch is null || next.Watch == request.Watch))
            {
                failures.Dequeue();
                return next.Status;
            }

            return null;
        }
    }

    private async Task WatchAsync(HttpContext context, FakeResourcePath path, string resourceVersion, Action opened)
    {
        var watcher = Store.Watch(path, resourceVersion, FakeApiResponses.Flag(context.Request, "allowWatchBookmarks"));
        opened();
        if (watcher is null)
        {
            var message = $"too old resource version: {resourceVersion} ({Store.ResourceVersion})";
            if (GoneAsHttpStatus)
            {
                await FakeApiResponses.WriteStatusAsync(context, 410, "Expired", message).ConfigureAwait(false);
                return;
            }

            // What an API server does: a 200 stream whose only event is an ERROR carrying a 410 Status, then the end.
            context.Response.ContentType = "application/json";
            var line = new JsonObject { ["type"] = "ERROR", ["object"] = FakeApiResponses.Status(410, "Expired", message) }.ToJsonString();
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
