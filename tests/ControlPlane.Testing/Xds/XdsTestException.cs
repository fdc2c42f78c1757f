namespace ControlPlane.Testing.Xds;

/// <summary>An xDS test client got something other than what the test expected (wrong type, or nothing in time).</summary>
public sealed class XdsTestException : Exception
{
    public XdsTestException()
    {
    }

    public XdsTestException(string message)
        : base(message)
    {
    }

    public XdsTestException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
