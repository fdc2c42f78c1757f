namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Frozen;

/// <summary>A named subset: endpoints whose labels contain <see cref="Labels"/>; its policy overrides the rule's.</summary>
public sealed record Subset(string Name, FrozenDictionary<string, string> Labels, TrafficPolicy? TrafficPolicy);
