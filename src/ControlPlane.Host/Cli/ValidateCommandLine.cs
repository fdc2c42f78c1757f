namespace ControlPlane.Host.Cli;

/// <summary>
/// Parses <c>validate [--output text|json] [--crds FILE] PATH...</c>. Usage errors are returned, not thrown, so the
/// command can print them with the usage text and exit 2.
/// </summary>
internal static class ValidateCommandLine
{
    public const string Usage =
        """
        usage: ControlPlane.Host validate [--output text|json] [--crds <file>] <file-or-dir>...

          --output text|json   one line per object (default), or a JSON array of {file, kind, namespace, name, valid, errors, warnings}
          --crds <file>        CustomResourceDefinition bundle (e.g. Istio's crd-all.gen.yaml) whose OpenAPI schemas and
                               x-kubernetes-validations rules are checked too; the built-in semantic checks always run
          <file-or-dir>        YAML files, or directories read recursively for *.yaml and *.yml

        exit status: 0 all objects valid, 1 some object invalid, 2 usage error
        """;

    public static (ValidateArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        var json = false;
        string? crds = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return (null, "");
                case "--output" or "-o" or "--crds":
                    if (i + 1 >= args.Count)
                    {
                        return (null, $"option '{arg}' needs a value");
                    }

                    var value = args[++i];
                    if (arg == "--crds")
                    {
                        crds = value;
                    }
                    else if (value is "json" or "text")
                    {
                        json = value == "json";
                    }
                    else
                    {
                        return (null, $"option '{arg}': '{value}' is not an output format (text or json)");
                    }

                    break;
                case "--":
                    paths.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        return (null, $"unknown option '{arg}'");
                    }

                    paths.Add(arg);
                    break;
            }
        }

        return paths.Count == 0 ? (null, "no file or directory to validate") : (new ValidateArguments(paths, json, crds), null);
    }
}
