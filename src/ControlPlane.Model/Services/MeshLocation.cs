namespace ControlPlane.Model.Services;

public enum MeshLocation
{
    Internal,
    External,
}
