namespace ControlPlane.Xds.Generation.Common;

/// <summary>istiod's <c>ListenerProtocol</c>: what kind of filter chain a port gets.</summary>
internal enum ListenerProtocol
{
    /// <summary>UDP: no listener, no cluster.</summary>
    None,
    Http,
    Tcp,
    /// <summary>Undeclared protocol: an HTTP and a TCP chain with protocol detection (sniffing).</summary>
    Auto,
}
