namespace ControlPlane.Xds.Pushing;

/// <summary>Why <see cref="PushTargetSelector"/> chose (or skipped) a connection for a push; shown on <c>/debug/push_status</c>.</summary>
internal enum PushSelection
{
    /// <summary>Not pushed: nothing it watches or depends on changed.</summary>
    None,

    /// <summary>Endpoint-only push: the connection watches an EDS cluster of an updated service.</summary>
    EdsWatch,

    /// <summary>Full push without config keys (mesh config, namespaces): every connection.</summary>
    Global,

    /// <summary>Full push: the connection's SidecarScope (previous or next) depends on a changed key.</summary>
    ScopeDependency,
}
