namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;

/// <summary>A fact that needs <c>node</c> and <c>npm</c>; skipped, with the reason, only when they are missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InteropFactAttribute : FactAttribute
{
    public InteropFactAttribute()
    {
        if (NodeHarness.UnavailableReason is { } reason)
        {
            Skip = $"interop harness unavailable: {reason}";
        }
    }
}
