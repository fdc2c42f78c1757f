namespace ControlPlane.Model.Config.DestinationRules;

/// <summary><c>connectionPool.http.h2UpgradePolicy</c>; Default follows MeshConfig's policy.</summary>
public enum H2UpgradePolicy
{
    Default,
    DoNotUpgrade,
    Upgrade,
}
