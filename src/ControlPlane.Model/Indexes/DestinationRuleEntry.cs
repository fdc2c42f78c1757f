namespace ControlPlane.Model.Indexes;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;

/// <summary>A DestinationRule with its host resolved to an FQDN (or wildcard).</summary>
public sealed record DestinationRuleEntry(DestinationRule Config, string Host, Visibility ExportTo);
