namespace ControlPlane.Model.Config.DestinationRules;

public enum SimpleLoadBalancer
{
    Unspecified,
    LeastRequest,
    RoundRobin,
    Random,
    Passthrough,
}
