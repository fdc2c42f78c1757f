namespace ControlPlane.Host.Cli;

using System.Globalization;

/// <summary>
/// Parses <c>[serve] [--config-dir PATH] [--xds-port N] [--monitoring-port N] [--bind ADDRESS]</c>
/// <c>[--kubernetes on|off] [--kubeconfig PATH] [--namespace NAME] [--mesh-config FILE] [--crds FILE]</c>.
/// Usage errors are returned, not thrown, so <c>Program</c> can print them and exit 2.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        """
        usage: ControlPlane.Host [serve] [--config-dir <path>] [--xds-port <n>] [--monitoring-port <n>] [--bind <address>]
                                 [--kubernetes <on|off>] [--kubeconfig <path>] [--namespace <name>] [--crds <file>]
                                 [--mesh-config <file>]

          --config-dir <path>     directory of Kubernetes and Istio YAML to serve (default: the embedded samples)
          --xds-port <n>          plaintext gRPC ADS port (default 15010)
          --monitoring-port <n>   /ready, /metrics and /debug/* (default 15014)
          --bind <address>        address to listen on (default 0.0.0.0)
          --kubernetes <on|off>   watch a Kubernetes API server (in-cluster, else the default kubeconfig); default off
          --kubeconfig <path>     watch the API server of this kubeconfig (implies --kubernetes on)
          --namespace <name>      the control plane's namespace (default istio-system)
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

            if (i + 1 >= args.Count)
            {
                return (null, $"option '{arg}' needs a value");
            }

            var value = args[++i];
            switch (arg)
            {
                case "--config-dir": options = options with { ConfigDirectory = value }; break;
                case "--bind": options = options with { BindAddress = value }; break;
                case "--kubeconfig": options = options with { Kubeconfig = value, Kubernetes = true }; break;
                case "--namespace": options = options with { Namespace = value }; break;
                case "--mesh-config": options = options with { MeshConfigFile = value }; break;
                case "--crds": options = options with { CrdBundlePath = value }; break;
                case "--kubernetes" when value is "on" or "off": options = options with { Kubernetes = value == "on" }; break;
                case "--kubernetes": return (null, $"option '--kubernetes': '{value}' is not on or off");
                case "--xds-port" or "--monitoring-port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        return (null, $"option '{arg}': '{value}' is not a port number (0-65535)");
                    }

                    options = arg == "--xds-port" ? options with { XdsPort = port } : options with { MonitoringPort = port };
                    break;
                default:
                    return (null, $"unknown option '{arg}'");
            }
        }

        return (options, null);
    }
}
