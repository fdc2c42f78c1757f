namespace ControlPlane.Host.Cli;

using System.Globalization;

/// <summary>
/// Parses <c>[serve] [--config-dir PATH] [--xds-port N] [--monitoring-port N] [--bind ADDRESS]</c>
/// <c>[--kubernetes on|off] [--kubeconfig PATH] [--namespace NAME] [--revision NAME] [--write-status on|off]</c>
/// <c>[--mesh-config FILE] [--crds FILE]</c>; every option also as <c>--name=value</c> (the chart passes optional values
/// that way, one argument each). Usage errors are returned, not thrown, so <c>Program</c> can print them and exit 2.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        """
        usage: ControlPlane.Host [serve] [--config-dir <path>] [--xds-port <n>] [--monitoring-port <n>] [--bind <address>]
                                 [--kubernetes <on|off>] [--kubeconfig <path>] [--namespace <name>] [--crds <file>]
                                 [--mesh-config <file>] [--revision <name>] [--write-status <on|off>]

          --config-dir <path>     directory of Kubernetes and Istio YAML to serve (default: the embedded samples)
          --xds-port <n>          plaintext gRPC ADS port (default 15010)
          --monitoring-port <n>   /ready, /metrics and /debug/* (default 15014)
          --bind <address>        address to listen on (default 0.0.0.0)
          --kubernetes <on|off>   watch a Kubernetes API server (in-cluster, else the default kubeconfig); default off
          --kubeconfig <path>     watch the API server of this kubeconfig (implies --kubernetes on)
          --namespace <name>      the control plane's namespace (default istio-system)
          --revision <name>       the control plane's revision: reads MeshConfig from the istio-<name> ConfigMap and
                                  elects a leader with the istio-status-leader-<name> Lease (default: none)
          --write-status <on|off> while leader, write validation results into Istio objects' status (default off)
          --mesh-config <file>    istiod's mesh config YAML, applied and watched; wins over the istio ConfigMap
          --crds <file>           Istio's CRD bundle (crd-all.gen.yaml); objects its schemas reject are not served
        """;

    public static (ControlPlaneOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new ControlPlaneOptions();
        var i = 0;
        if (args.Count > 0 && args[0] == "serve")
        {
            i = 1;
        }

        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return (null, "");
            }

            string value;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                value = arg[(equals + 1)..];
                arg = arg[..equals];
            }
            else if (i + 1 >= args.Count)
            {
                return (null, $"option '{arg}' needs a value");
            }
            else
            {
                value = args[++i];
            }

            string? error;
            (options, error) = Apply(options, arg, value);
            if (error is not null)
            {
                return (null, error);
            }
        }

        // Status writes need a cluster to write to; silently ignoring the flag would hide a mistake.
        return options.WriteStatus && !options.Kubernetes
            ? (null, "option '--write-status on' needs the cluster source (--kubernetes on or --kubeconfig)")
            : (options, null);
    }

    private static (ControlPlaneOptions Options, string? Error) Apply(ControlPlaneOptions options, string arg, string value)
    {
        switch (arg)
        {
            case "--config-dir": return (options with { ConfigDirectory = value }, null);
            case "--bind": return (options with { BindAddress = value }, null);
            case "--kubeconfig": return (options with { Kubeconfig = value, Kubernetes = true }, null);
            case "--namespace": return (options with { Namespace = value }, null);
            case "--mesh-config": return (options with { MeshConfigFile = value }, null);
            case "--crds": return (options with { CrdBundlePath = value }, null);
            case "--revision": return (options with { Revision = value }, null);
            case "--kubernetes" when value is "on" or "off": return (options with { Kubernetes = value == "on" }, null);
            case "--write-status" when value is "on" or "off": return (options with { WriteStatus = value == "on" }, null);
            case "--kubernetes" or "--write-status": return (options, $"option '{arg}': '{value}' is not on or off");
            case "--xds-port" or "--monitoring-port":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                {
                    return (options, $"option '{arg}': '{value}' is not a port number (0-65535)");
                }

                return (arg == "--xds-port" ? options with { XdsPort = port } : options with { MonitoringPort = port }, null);
            default:
                return (options, $"unknown option '{arg}'");
        }
    }
}
