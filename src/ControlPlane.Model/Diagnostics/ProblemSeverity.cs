namespace ControlPlane.Model.Diagnostics;

public enum ProblemSeverity
{
    /// <summary>The object is rejected and not served.</summary>
    Error,
    /// <summary>The object is served; something in it is ignored or differs from istiod.</summary>
    Warning,
}
