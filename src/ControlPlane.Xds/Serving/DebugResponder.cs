namespace ControlPlane.Xds.Serving;

using System.Text.Json;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Status;
using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Envoy.Service.Status.V3;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

/// <summary>
/// Answers istiod's debug types on the SotW stream, as istioctl sends them (<c>pilot/pkg/xds/statusgen.go</c>):
/// <c>istio.io/debug/syncz</c> = one CSDS <c>ClientConfig</c> per connected proxy with the sync state of each xDS type;
/// <c>istio.io/debug/config_dump</c> with one resource name (a proxy id) = that proxy's config dump sections. Both carry
/// the JSON ControlPlane identifier istioctl keys responses by. These requests create no subscription; istioctl's own
/// connection (metadata <c>GENERATOR=event</c>) is not listed.
/// </summary>
internal sealed class DebugResponder(IXdsStatus status, VersionSource versions, IOptions<XdsOptions> options)
{
    private static readonly string[] SyncedTypes = [TypeUrls.Listener, TypeUrls.Route, TypeUrls.Endpoint, TypeUrls.Cluster];

    public static bool IsDebugType(string typeUrl) => typeUrl.StartsWith("istio.io/debug/", StringComparison.Ordinal);

    public DiscoveryResponse Respond(DiscoveryRequest request)
    {
        var nonce = versions.NextNonce();
        var response = new DiscoveryResponse
        {
            TypeUrl = request.TypeUrl,
            VersionInfo = nonce,
            Nonce = nonce,
            ControlPlane = new ControlPlane { Identifier = Identifier() },
        };
        switch (request.TypeUrl)
        {
            case TypeUrls.DebugSyncz:
                response.Resources.AddRange(status.Connections().Where(c => !IsDebugClient(c.Proxy)).Select(c => Any.Pack(ClientConfigOf(c))));
                break;
            case TypeUrls.DebugConfigDump when request.ResourceNames.Count == 1:
                response.Resources.AddRange(status.ConfigDump(request.ResourceNames[0])?.Configs ?? []);
                break;
        }

        return response;
    }

    private static ClientConfig ClientConfigOf(ConnectionStatus connection)
    {
        var metadata = new Struct();
        metadata.Fields["CLUSTER_ID"] = Value.ForString(connection.Proxy.ClusterId);
        metadata.Fields["NAMESPACE"] = Value.ForString(connection.Proxy.Namespace);
        metadata.Fields["ISTIO_VERSION"] = Value.ForString(connection.Proxy.IstioVersion);
        var config = new ClientConfig { Node = new Node { Id = connection.Proxy.ShortId, Metadata = metadata } };
        foreach (var typeUrl in SyncedTypes)
        {
            var subscription = connection.Subscriptions.FirstOrDefault(s => s.TypeUrl == typeUrl);
            config.GenericXdsConfigs.Add(new ClientConfig.Types.GenericXdsConfig
            {
                TypeUrl = typeUrl,
                VersionInfo = subscription?.SentVersion ?? "",
                ConfigStatus = subscription?.SyncState switch
                {
                    "SYNCED" => ConfigStatus.Synced,
                    "STALE" => ConfigStatus.Stale,
                    "ERROR" => ConfigStatus.Error,
                    _ => ConfigStatus.NotSent,
                },
            });
        }

        return config;
    }

    private static bool IsDebugClient(Proxy proxy) => proxy.Metadata.GetValueOrDefault("GENERATOR") == "event";

    /// <summary>istiod's <c>IstioControlPlaneInstance</c> JSON: Component, ID and build Info.</summary>
    private string Identifier() => JsonSerializer.Serialize(new
    {
        Component = "istiod",
        ID = options.Value.ControlPlaneId,
        Info = new { version = options.Value.ControlPlaneVersion },
    });
}
