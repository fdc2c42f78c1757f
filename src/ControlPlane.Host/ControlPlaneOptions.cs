namespace ControlPlane.Host;

/// <summary>Command-line options of <c>serve</c>, validated before the host is built.</summary>
public sealed record ControlPlaneOptions
{
    public const int DefaultXdsPort = 15010;
    public const int DefaultMonitoringPort = 15014;

    /// <summary>The YAML directory to serve; null means the embedded samples.</summary>
    public string? ConfigDirectory { get; init; }

    public int XdsPort { get; init; } = DefaultXdsPort;

    public int MonitoringPort { get; init; } = DefaultMonitoringPort;

    /// <summary>Address both ports bind to. Tests use 127.0.0.1; a pod listens on every interface.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>
    /// Watch a Kubernetes API server (the kubeconfig below, else in-cluster, else the default kubeconfig). With it and
    /// no <see cref="ConfigDirectory"/>, the embedded samples are not served.
    /// </summary>
    public bool Kubernetes { get; init; }

    /// <summary>The kubeconfig file for <see cref="Kubernetes"/>; giving one turns it on.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The control plane's own namespace, as istiod's <c>POD_NAMESPACE</c>.</summary>
    public string Namespace { get; init; } = "istio-system";

    /// <summary>
    /// The control plane's revision, as istiod's <c>--revision</c> (the chart's <c>revision</c>): with one, MeshConfig is
    /// read from the <c>istio-&lt;revision&gt;</c> ConfigMap and the leader election Lease is suffixed likewise. Empty
    /// for the default revision.
    /// </summary>
    public string Revision { get; init; } = "";

    /// <summary>
    /// Write validation results into the Istio objects' status while leader (istiod's <c>PILOT_ENABLE_STATUS</c>; off
    /// by default, as there). Only with <see cref="Kubernetes"/>.
    /// </summary>
    public bool WriteStatus { get; init; }

    /// <summary>
    /// A mesh config file (the <c>mesh</c> key's content of istiod's <c>istio</c> ConfigMap), applied before sources load
    /// and watched. It wins over the cluster's ConfigMap, which is then not read.
    /// </summary>
    public string? MeshConfigFile { get; init; }

    /// <summary>
    /// A CustomResourceDefinition bundle (Istio's <c>crd-all.gen.yaml</c>) whose OpenAPI schemas and CEL rules every
    /// source checks Istio objects against before serving them, as the API server would; null skips those checks.
    /// </summary>
    public string? CrdBundlePath { get; init; }
}
