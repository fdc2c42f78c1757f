namespace ControlPlane.Model.Pushing;

/// <summary>Why a push happened; values follow istiod's <c>pilot_push_triggers{type=...}</c> labels.</summary>
public enum PushReason
{
    EndpointUpdate,
    ConfigUpdate,
    ServiceUpdate,
    ProxyUpdate,
    GlobalUpdate,
    UnknownTrigger,
    DebugTrigger,
    SecretTrigger,
    NetworksTrigger,
    ProxyRequest,
    NamespaceUpdate,
    ClusterUpdate,
}
