namespace ControlPlane.FunctionalTests.Charts;

/// <summary>Paths of the repository's deployment files (chart, Dockerfile, docs), found from the folder holding ControlPlane.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ControlPlane.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Chart => Path.Combine(Root, "charts", "controlplane");

    public static string Templates => Path.Combine(Chart, "templates");

    public static string Template(string name) => File.ReadAllText(Path.Combine(Templates, name));
}
