namespace ControlPlane.Host;

using System.Net;
using ControlPlane.Host.Hosting;
using ControlPlane.Host.Monitoring;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.State;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Gateways;
using Microsoft.AspNetCore.Server.Kestrel.Core;

/// <summary>
/// The composition root: one process serving ADS on the xDS port (HTTP/2 cleartext, as Envoy and gRPC clients dial it) and
/// readiness, metrics and debug endpoints on the monitoring port. Sources, model and xDS meet only here.
/// </summary>
public static class ControlPlaneApplication
{
    public static WebApplication Build(ControlPlaneOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configDirectory = Path.GetFullPath(options.ConfigDirectory ?? SamplesLocator.EmbeddedSamplesDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(options.BindAddress);
            kestrel.Listen(address, options.XdsPort, l => l.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, options.MonitoringPort, l => l.Protocols = HttpProtocols.Http1);
        });

        // Per-request logs from ASP.NET Core would drown the pipeline's own; proxies hold streams open for hours anyway.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<MeshStore>();
        builder.Services.AddSingleton<MeshReadiness>();
        if (options.CrdBundlePath is not null)
        {
            // Loaded before any source is registered: a bad file stops the host here, naming the file.
            builder.Services.AddCrdSchemas(options.CrdBundlePath);
        }

        if (options.MeshConfigFile is not null)
        {
            builder.Services.AddMeshConfigFile(options.MeshConfigFile);
        }

        // With a cluster to watch, the embedded samples are served only when asked for with --config-dir.
        var serveYaml = !options.Kubernetes || options.ConfigDirectory is not null;
        if (serveYaml)
        {
            builder.Services.AddYamlDirectorySource(o => o.Directory = configDirectory);
        }

        if (options.Kubernetes)
        {
            // The source registers its own initial sync with MeshReadiness.
            builder.Services.AddKubernetesClusterSource(o =>
            {
                o.KubeconfigPath = options.Kubeconfig;
                o.Namespace = options.Namespace;
                o.Revision = options.Revision;
                o.WriteStatus = options.WriteStatus;

                // An explicit file overrides the cluster's istio ConfigMap, which is then not watched at all.
                o.WatchMeshConfigMap = options.MeshConfigFile is null;
            });
        }

        // Gateway servers the generators cannot serve are logged once and listed on /debug/configz.
        builder.Services.AddSingleton<GatewayServerReport>();
        builder.Services.AddSingleton<IConfigDiagnostics>(sp => sp.GetRequiredService<GatewayServerReport>());
        builder.Services.AddSingleton<IGeneratorSelector, GeneratorSelector>();
        builder.Services.AddXds();
        configure?.Invoke(builder);

        var app = builder.Build();

        // Applied before any source is created or loads, so the first build already uses it; a bad file stops the host here.
        app.Services.GetService<MeshConfigFileSource>()?.LoadInitial();
        if (serveYaml)
        {
            app.Services.GetRequiredService<MeshReadiness>()
                .Register($"yaml:{configDirectory}", app.Services.GetRequiredService<YamlDirectorySource>().InitialLoad);
        }

        if (options.Kubernetes)
        {
            // Created now so that its readiness registration, and any kubeconfig error, happen before anything starts.
            app.Services.GetRequiredService<KubernetesClusterSource>();
        }

        app.MapXds();
        app.MapMonitoring();
        return app;
    }
}
