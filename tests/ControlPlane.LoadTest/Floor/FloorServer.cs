namespace ControlPlane.LoadTest.Floor;

using System.Collections.Frozen;
using System.Net;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A minimal gRPC server on 127.0.0.1 serving only <see cref="FloorService"/>, with Kestrel's defaults like the host's
/// xDS port (HTTP/2 cleartext).
/// </summary>
internal sealed class FloorServer(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address => address;

    public static async Task<FloorServer> StartAsync(FrozenDictionary<string, IReadOnlyList<(string TypeUrl, byte[] Bytes)>> replay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(new FloorService(replay));
        builder.Services.AddSingleton<IServiceMethodProvider<FloorService>, FloorMethodProvider>();
        var app = builder.Build();
        app.MapGrpcService<FloorService>();
        await app.StartAsync().ConfigureAwait(false);
        return new FloorServer(app, new Uri(app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
