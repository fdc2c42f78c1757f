namespace ControlPlane.Kubernetes.Yaml.Parsing;

/// <summary>
/// Lists the YAML files of a directory tree in a deterministic order. Entries whose name starts with a dot are skipped:
/// editors' temporary files and the <c>..data</c> / <c>..2024_..</c> folders of a mounted ConfigMap, which would
/// otherwise be read twice.
/// </summary>
internal static class YamlFileScanner
{
    public static IReadOnlyList<string> List(string directory)
    {
        var files = new List<string>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            ReturnSpecialDirectories = false,
        };
        foreach (var path in Directory.EnumerateFiles(directory, "*", options))
        {
            var relative = Path.GetRelativePath(directory, path);
            if (IsYaml(path) && !IsHidden(relative))
            {
                files.Add(relative);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files.Select(relative => Path.Combine(directory, relative)).ToList();
    }

    /// <summary>A cheap stamp of the tree (names, sizes, write times) for the polling fallback to notice changes.</summary>
    public static string Stamp(string directory)
    {
        var hash = new HashCode();
        foreach (var file in List(directory))
        {
            var info = new FileInfo(file);
            hash.Add(file, StringComparer.Ordinal);
            hash.Add(info.Exists ? info.Length : -1);
            hash.Add(info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
        }

        return hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsYaml(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsHidden(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
