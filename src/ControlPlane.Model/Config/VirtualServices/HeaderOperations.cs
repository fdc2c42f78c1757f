namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>Istio Headers: request and response manipulation.</summary>
public sealed record HeaderOperations(HeaderOperation Request, HeaderOperation Response)
{
    public static readonly HeaderOperations None = new(HeaderOperation.None, HeaderOperation.None);
}
