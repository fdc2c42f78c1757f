namespace ControlPlane.Xds.Generation.Common;

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Envoy.Config.Core.V3;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

/// <summary>Small constructors for recurring Envoy shapes (addresses, durations, ADS config sources, Any).</summary>
internal static class EnvoyProto
{
    private static readonly ConcurrentDictionary<MessageDescriptor, string> TypeUrlCache = new();

    /// <summary>
    /// Packs with the <c>type.googleapis.com/</c> prefix, as every xDS consumer expects. The type URL is built once per
    /// message type (<c>Any.Pack</c> concatenates it on every call, and every typed config of every response is packed).
    /// </summary>
    public static Any Pack(IMessage message) => new()
    {
        TypeUrl = TypeUrlCache.GetOrAdd(message.Descriptor, static d => "type.googleapis.com/" + d.FullName),
        Value = message.ToByteString(),
    };

    public static Duration Duration(TimeSpan value) => Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(value);

    public static Duration Zero() => new();

    /// <summary>The prefix of Unix domain socket addresses: Sidecar binds, endpoints and the route names of socket listeners.</summary>
    public const string UnixAddressPrefix = "unix://";

    /// <summary><c>util.BuildAddress</c>: a pipe for <c>unix://path</c> (a Unix domain socket has no port), else a socket address.</summary>
    public static Address BuildAddress(string address, int port) => address.StartsWith(UnixAddressPrefix, StringComparison.Ordinal)
        ? new Address { Pipe = new Pipe { Path = address[UnixAddressPrefix.Length..] } }
        : SocketAddress(address, port);

    /// <summary>A TCP socket address (Envoy accepts host names too, for DNS clusters).</summary>
    public static Address SocketAddress(string address, int port) => new()
    {
        SocketAddress = new Envoy.Config.Core.V3.SocketAddress { Address = address, PortValue = (uint)port },
    };

    /// <summary>
    /// The ADS config source istiod uses for EDS and RDS: <c>ads {}</c>, <c>initial_fetch_timeout: 0s</c> (wait forever,
    /// never warm with nothing) and the v3 resource API.
    /// </summary>
    public static ConfigSource AdsConfigSource() => new()
    {
        Ads = new AggregatedConfigSource(),
        InitialFetchTimeout = Zero(),
        ResourceApiVersion = ApiVersion.V3,
    };

    /// <summary><c>util.ConvertAddressToCidr</c>: <c>10.0.0.0/16</c> or a bare IP (as /32 or /128).</summary>
    public static CidrRange? Cidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var ip = slash < 0 ? value : value[..slash];
        if (!IPAddress.TryParse(ip, out var parsed))
        {
            return null;
        }

        var fullLength = parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128u : 32u;
        var length = slash < 0 ? fullLength : uint.Parse(value[(slash + 1)..], CultureInfo.InvariantCulture);
        return new CidrRange { AddressPrefix = ip, PrefixLen = length };
    }
}
