namespace ControlPlane.Host.Cli;

using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Mesh;

/// <summary>
/// The offline <c>validate</c> verb: reads the named files and directories, judges every object on its own and prints
/// one verdict per object. Exit status 0 when all are valid, 1 when any is invalid, 2 on usage errors (unknown option,
/// no path, a path that does not exist or cannot be read).
/// </summary>
internal static class ValidateCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var (arguments, usage) = ValidateCommandLine.Parse(args);
        if (arguments is null)
        {
            return await UsageAsync(error, usage);
        }

        CrdSchemaSet? schemas = null;
        if (arguments.CrdFile is not null && (schemas = CrdSchemaSet.TryLoad(arguments.CrdFile, out var crdError)) is null)
        {
            return await UsageAsync(error, crdError);
        }

        var (files, fileError) = ReadAll(arguments.Paths);
        if (files is null)
        {
            return await UsageAsync(error, fileError);
        }

        var validator = new ConfigValidator(schemas, MeshConfig.Default);
        var verdicts = files.SelectMany(file => validator.ValidateText(file.Text, file.Path)).ToList();
        await (arguments.Json ? ValidateOutput.WriteJsonAsync(output, verdicts) : ValidateOutput.WriteTextAsync(output, verdicts));
        return verdicts.All(v => v.Valid) ? Valid : Invalid;
    }

    private static async Task<int> UsageAsync(TextWriter error, string? message)
    {
        if (!string.IsNullOrEmpty(message))
        {
            await error.WriteLineAsync($"error: {message}");
        }

        await error.WriteLineAsync(ValidateCommandLine.Usage);
        return string.IsNullOrEmpty(message) ? Valid : UsageError;
    }

    /// <summary>Reads every file first, so an unreadable path is a usage error before any verdict is printed.</summary>
    private static (List<(string Path, string Text)>? Files, string? Error) ReadAll(IReadOnlyList<string> paths)
    {
        var files = new List<(string, string)>();
        foreach (var path in paths)
        {
            IReadOnlyList<string> names = Directory.Exists(path) ? YamlFileScanner.List(path)
                : File.Exists(path) ? [path]
                : [];
            if (names.Count == 0 && !Directory.Exists(path))
            {
                return (null, $"'{path}' does not exist");
            }

            foreach (var name in names)
            {
                try
                {
                    files.Add((name, File.ReadAllText(name)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return (null, $"cannot read '{name}': {ex.Message}");
                }
            }
        }

        return (files, null);
    }
}
