namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Core.V3;

/// <summary>
/// <c>util.BuildAddress</c> for outbound listeners: port 0 is a Sidecar egress listener on a Unix domain socket, whose bind
/// is <c>unix://&lt;path&gt;</c> (or <c>unix://@name</c>, abstract); it listens on a pipe at the path. Any other port is a
/// socket address.
/// </summary>
internal static class ListenerAddress
{
    public const string UnixPrefix = "unix://";

    public static Address Build(string bind, int port) => port == 0
        ? new Address { Pipe = new Pipe { Path = bind.StartsWith(UnixPrefix, StringComparison.Ordinal) ? bind[UnixPrefix.Length..] : bind } }
        : EnvoyProto.SocketAddress(bind, port);
}
