namespace ControlPlane.FunctionalTests.Cli;

/// <summary>
/// Istio's reference data in <c>../shared/data/istio</c> next to the repository root (the folder holding
/// ControlPlane.sln), read as test input only; tests that need it skip when it is absent.
/// </summary>
internal static class ValidateSharedData
{
    public const string MissingReason = "Istio reference data not found: expected ../shared/data/istio next to the repository root";

    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln")))
            {
                var istio = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "istio"));
                return Directory.Exists(istio) ? istio : null;
            }
        }

        return null;
    });

    public static string? Istio => Root.Value;
}
