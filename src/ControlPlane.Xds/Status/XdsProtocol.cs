namespace ControlPlane.Xds.Status;

public enum XdsProtocol
{
    /// <summary>StreamAggregatedResources.</summary>
    StateOfTheWorld,
    /// <summary>DeltaAggregatedResources.</summary>
    Delta,
}
