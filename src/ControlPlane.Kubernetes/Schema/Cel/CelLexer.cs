namespace ControlPlane.Kubernetes.Schema.Cel;

using System.Globalization;
using System.Text;

/// <summary>Splits a CEL expression into tokens. Supports the literal forms CRD rules use (ints, doubles, quoted strings).</summary>
internal static class CelLexer
{
    private static readonly string[] Operators = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "?", ":", "(", ")", "[", "]", "{", "}", ",", ".", "+", "-", "*", "/", "%"];

    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new CelToken(CelTokenKind.Identifier, text[start..i]));
            }
            else if (char.IsDigit(c))
            {
                tokens.Add(Number(text, ref i));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(QuotedString(text, ref i));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new CelUnsupportedException($"unexpected character '{c}' at {i}");
                tokens.Add(new CelToken(CelTokenKind.Operator, op));
                i += op.Length;
            }
        }

        tokens.Add(new CelToken(CelTokenKind.End, ""));
        return tokens;
    }

    private static CelToken Number(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }

            var d = text[start..i];
            return new CelToken(CelTokenKind.Double, d, double.Parse(d, CultureInfo.InvariantCulture));
        }

        if (i < text.Length && text[i] == 'u')
        {
            throw new CelUnsupportedException("unsigned integer literals");
        }

        var n = text[start..i];
        return new CelToken(CelTokenKind.Int, n, long.Parse(n, CultureInfo.InvariantCulture));
    }

    private static CelToken QuotedString(string text, ref int i)
    {
        var quote = text[i];
        if (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)
        {
            throw new CelUnsupportedException("triple-quoted strings");
        }

        var builder = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '\\' or '"' or '\'' => text[i],
                    _ => throw new CelUnsupportedException($"escape sequence \\{text[i]}"),
                });
            }
            else
            {
                builder.Append(text[i]);
            }

            i++;
        }

        if (i >= text.Length)
        {
            throw new CelUnsupportedException("unterminated string literal");
        }

        i++;
        var value = builder.ToString();
        return new CelToken(CelTokenKind.String, value, value);
    }
}
