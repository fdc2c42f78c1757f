namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>A destination locality pattern (<c>region/zone/subzone</c>, trailing <c>*</c> allowed) and its share (1-100).</summary>
public sealed record LocalityWeight(string Locality, uint Weight);
