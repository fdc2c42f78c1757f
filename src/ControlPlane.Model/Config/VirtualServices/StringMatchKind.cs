namespace ControlPlane.Model.Config.VirtualServices;

public enum StringMatchKind
{
    Exact,
    Prefix,
    Regex,
}
