namespace ControlPlane.FunctionalTests.Charts;

using System.Text.RegularExpressions;

/// <summary>
/// A structural reading of Go templates, without helm: the <c>{{ }}</c> actions of a file, whether they are balanced and
/// their blocks (<c>if</c>, <c>range</c>, <c>with</c>, <c>define</c>, <c>block</c>) closed by <c>end</c>, and the
/// template names defined and included.
/// </summary>
internal static partial class TemplateActions
{
    private static readonly string[] BlockOpeners = ["if", "range", "with", "define", "block"];

    /// <summary>The text of every action, trim markers and surrounding spaces removed; comments included.</summary>
    public static IReadOnlyList<string> Actions(string text)
    {
        var actions = new List<string>();
        var position = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            var strayClose = text.IndexOf("}}", position, StringComparison.Ordinal);
            if (strayClose >= 0 && (open < 0 || strayClose < open))
            {
                throw new FormatException($"'}}}}' without '{{{{' at offset {strayClose}");
            }

            if (open < 0)
            {
                return actions;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{{{{' at offset {open} is never closed");
            }

            var body = text[(open + 2)..close];
            if (body.Contains("{{", StringComparison.Ordinal))
            {
                throw new FormatException($"'{{{{' inside the action at offset {open}");
            }

            actions.Add(body.Trim().TrimStart('-').TrimEnd('-').Trim());
            position = close + 2;
        }
    }

    /// <summary>Checks every block is closed in order; returns the problems found (none when the file is well formed).</summary>
    public static IReadOnlyList<string> BlockProblems(string text)
    {
        var problems = new List<string>();
        var open = new Stack<string>();
        foreach (var action in Actions(text))
        {
            if (action.StartsWith("/*", StringComparison.Ordinal))
            {
                if (!action.EndsWith("*/", StringComparison.Ordinal))
                {
                    problems.Add($"unterminated comment: {action}");
                }

                continue;
            }

            var keyword = action.Split([' ', '(', '\n'], 2)[0];
            if (BlockOpeners.Contains(keyword))
            {
                open.Push(keyword);
            }
            else if (keyword == "else" && (open.Count == 0 || open.Peek() is not ("if" or "with" or "range")))
            {
                problems.Add("'else' outside if/with/range");
            }
            else if (keyword == "end" && !open.TryPop(out _))
            {
                problems.Add("'end' without an open block");
            }
        }

        problems.AddRange(open.Select(k => $"'{k}' never closed by 'end'"));
        return problems;
    }

    public static IReadOnlySet<string> Defined(string text) =>
        Actions(text).Select(a => DefinePattern().Match(a)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();

    public static IReadOnlySet<string> Used(string text) =>
        Actions(text).SelectMany(a => UsePattern().Matches(a)).Select(m => m.Groups[2].Value).ToHashSet();

    /// <summary>
    /// The file with every action removed, and lines holding nothing but actions dropped (as helm's trim markers drop
    /// them): what is left of a manifest template must still be YAML.
    /// </summary>
    public static string WithoutActions(string text) =>
        string.Join('\n', ActionPattern().Replace(text, "\u0000").Split('\n')
            .Where(line => !(line.Contains('\u0000', StringComparison.Ordinal) && line.Replace("\u0000", "", StringComparison.Ordinal).Trim().Length == 0))
            .Select(line => line.Replace("\u0000", "", StringComparison.Ordinal)));

    [GeneratedRegex("^define\\s+\"([^\"]+)\"")]
    private static partial Regex DefinePattern();

    [GeneratedRegex("\\b(include|template)\\s+\"([^\"]+)\"")]
    private static partial Regex UsePattern();

    [GeneratedRegex("\\{\\{.*?\\}\\}", RegexOptions.Singleline)]
    private static partial Regex ActionPattern();
}
