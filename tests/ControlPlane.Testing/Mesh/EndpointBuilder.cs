namespace ControlPlane.Testing.Mesh;

using System.Collections.Frozen;
using ControlPlane.Model.Services;

/// <summary>Fluent options for the endpoints of one workload address added by <see cref="MeshBuilder.Endpoint"/>.</summary>
public sealed class EndpointBuilder
{
    private readonly Dictionary<string, string> labels = [];
    private string? onlyPortName;

    internal EndpointBuilder(string address) => Address = address;

    internal string Address { get; }

    internal Locality LocalityValue { get; private set; } = Model.Services.Locality.Unknown;

    internal int WeightValue { get; private set; } = 1;

    internal HealthStatus HealthValue { get; private set; } = HealthStatus.Healthy;

    internal string WorkloadValue { get; private set; } = "";

    internal bool SidecarValue { get; private set; }

    internal int? PortValue { get; private set; }

    public EndpointBuilder Labels(params (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            labels[key] = value;
        }

        return this;
    }

    public EndpointBuilder Locality(string region, string zone = "", string subZone = "")
    {
        LocalityValue = new Model.Services.Locality(region, zone, subZone);
        return this;
    }

    public EndpointBuilder Weight(int weight)
    {
        WeightValue = weight;
        return this;
    }

    public EndpointBuilder Health(HealthStatus health)
    {
        HealthValue = health;
        return this;
    }

    public EndpointBuilder Workload(string name)
    {
        WorkloadValue = name;
        return this;
    }

    /// <summary>The workload runs a sidecar: label <c>security.istio.io/tlsMode=istio</c>, so mTLS is possible.</summary>
    public EndpointBuilder WithSidecar()
    {
        SidecarValue = true;
        labels["security.istio.io/tlsMode"] = "istio";
        return this;
    }

    /// <summary>Only the named service port (default: one endpoint per service port).</summary>
    public EndpointBuilder OnlyPort(string portName)
    {
        onlyPortName = portName;
        return this;
    }

    /// <summary>The workload port, when it differs from the service's target port.</summary>
    public EndpointBuilder Port(int port)
    {
        PortValue = port;
        return this;
    }

    internal IEnumerable<Endpoint> Build(Service service)
    {
        foreach (var port in service.Ports)
        {
            if (onlyPortName is not null && port.Name != onlyPortName)
            {
                continue;
            }

            yield return new Endpoint
            {
                Address = Address,
                Port = PortValue ?? (port.TargetPort > 0 ? port.TargetPort : port.Port),
                ServicePortName = port.Name,
                Labels = labels.ToFrozenDictionary(StringComparer.Ordinal),
                Locality = LocalityValue,
                Weight = WeightValue,
                Health = HealthValue,
                WorkloadName = WorkloadValue.Length > 0 ? WorkloadValue : service.Name,
                Namespace = service.Namespace,
                IstioMutualTls = SidecarValue,
            };
        }
    }
}
