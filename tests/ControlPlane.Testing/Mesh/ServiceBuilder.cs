namespace ControlPlane.Testing.Mesh;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>Fluent options for one service of a <see cref="MeshBuilder"/>; defaults describe a plain Kubernetes ClusterIP service.</summary>
public sealed class ServiceBuilder
{
    private readonly List<ServicePort> ports = [];
    private readonly List<string> addresses = [];
    private Dictionary<string, string> labels = [];
    private Dictionary<string, string> selector = [];

    internal ServiceBuilder(string name, string ns, string hostname)
    {
        Name = name;
        Namespace = ns;
        Hostname = hostname;
    }

    internal string Name { get; }

    internal string Namespace { get; }

    internal string Hostname { get; private set; }

    internal Resolution ResolutionValue { get; private set; } = Model.Services.Resolution.ClientSideLb;

    internal MeshLocation LocationValue { get; private set; } = MeshLocation.Internal;

    internal Visibility ExportToValue { get; private set; } = Visibility.Everywhere;

    internal string RegistryValue { get; private set; } = "Kubernetes";

    /// <summary>Adds a port; the protocol defaults to what Istio derives from the port name.</summary>
    public ServiceBuilder Port(string name, int port, Protocol? protocol = null, int targetPort = 0)
    {
        ports.Add(new ServicePort(name, port, protocol ?? ProtocolParser.FromPort(name, null), targetPort));
        return this;
    }

    public ServiceBuilder Vip(params string[] vips)
    {
        addresses.AddRange(vips);
        return this;
    }

    public ServiceBuilder Host(string hostname)
    {
        Hostname = hostname;
        return this;
    }

    public ServiceBuilder Resolution(Resolution resolution)
    {
        ResolutionValue = resolution;
        return this;
    }

    /// <summary>A headless Kubernetes service: no VIP, pods reached directly (ORIGINAL_DST).</summary>
    public ServiceBuilder Headless() => Resolution(Model.Services.Resolution.Passthrough);

    public ServiceBuilder External()
    {
        LocationValue = MeshLocation.External;
        return this;
    }

    public ServiceBuilder Registry(string registry)
    {
        RegistryValue = registry;
        return this;
    }

    public ServiceBuilder ExportTo(params string[] exportTo)
    {
        ExportToValue = Visibility.Parse(exportTo);
        return this;
    }

    public ServiceBuilder Labels(params (string Key, string Value)[] values)
    {
        labels = values.ToDictionary(v => v.Key, v => v.Value);
        return this;
    }

    public ServiceBuilder Selector(params (string Key, string Value)[] values)
    {
        selector = values.ToDictionary(v => v.Key, v => v.Value);
        return this;
    }

    internal Service Build() => new()
    {
        Hostname = Hostname,
        Namespace = Namespace,
        Name = Name,
        Ports = ports.Count == 0 ? [new ServicePort("http", 80, Protocol.Http)] : [.. ports],
        Addresses = [.. addresses],
        Labels = labels.ToFrozenDictionary(StringComparer.Ordinal),
        Selector = selector.ToFrozenDictionary(StringComparer.Ordinal),
        Resolution = ResolutionValue,
        Location = LocationValue,
        ExportTo = ExportToValue,
        Registry = RegistryValue,
    };
}
