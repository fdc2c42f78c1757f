namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>
/// Recursive-descent parser for CEL, following the grammar's precedence: conditional, <c>||</c>, <c>&amp;&amp;</c>,
/// relations (including <c>in</c>), additive, multiplicative, unary, then member access, calls and indexing.
/// Anything outside that grammar (maps, message construction, raw strings) throws <see cref="CelUnsupportedException"/>.
/// </summary>
internal sealed class CelParser
{
    private static readonly HashSet<string> Relations = ["==", "!=", "<", "<=", ">", ">="];

    private readonly List<CelToken> tokens;
    private int position;

    private CelParser(List<CelToken> tokens) => this.tokens = tokens;

    private CelToken Current => tokens[position];

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(CelLexer.Tokenize(text));
        var expr = parser.Conditional();
        if (parser.Current.Kind != CelTokenKind.End)
        {
            throw new CelUnsupportedException($"unexpected '{parser.Current.Text}' after the expression");
        }

        return expr;
    }

    private CelExpr Conditional()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }

        var whenTrue = Or();
        Expect(":");
        return new CelConditional(condition, whenTrue, Conditional());
    }

    private CelExpr Or()
    {
        var left = And();
        while (Accept("||"))
        {
            left = new CelBinary("||", left, And());
        }

        return left;
    }

    private CelExpr And()
    {
        var left = Relation();
        while (Accept("&&"))
        {
            left = new CelBinary("&&", left, Relation());
        }

        return left;
    }

    private CelExpr Relation()
    {
        var left = Additive();
        while (true)
        {
            if (Current.Kind == CelTokenKind.Operator && Relations.Contains(Current.Text))
            {
                var op = Next().Text;
                left = new CelBinary(op, left, Additive());
            }
            else if (Current is { Kind: CelTokenKind.Identifier, Text: "in" })
            {
                Next();
                left = new CelBinary("in", left, Additive());
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Additive()
    {
        var left = Multiplicative();
        while (Current.Kind == CelTokenKind.Operator && Current.Text is "+" or "-")
        {
            var op = Next().Text;
            left = new CelBinary(op, left, Multiplicative());
        }

        return left;
    }

    private CelExpr Multiplicative()
    {
        var left = Unary();
        while (Current.Kind == CelTokenKind.Operator && Current.Text is "*" or "/" or "%")
        {
            var op = Next().Text;
            left = new CelBinary(op, left, Unary());
        }

        return left;
    }

    private CelExpr Unary()
    {
        if (Current.Kind == CelTokenKind.Operator && Current.Text is "!" or "-")
        {
            var op = Next().Text;
            return new CelUnary(op, Unary());
        }

        return Member(Primary());
    }

    private CelExpr Member(CelExpr target)
    {
        while (true)
        {
            if (Accept("."))
            {
                var name = ExpectIdentifier();
                target = Accept("(") ? new CelCall(target, name, Arguments("")) : new CelSelect(target, name);
            }
            else if (Accept("["))
            {
                var key = Conditional();
                Expect("]");
                target = new CelIndex(target, key);
            }
            else
            {
                return target;
            }
        }
    }

    private CelExpr Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case CelTokenKind.Int or CelTokenKind.Double or CelTokenKind.String:
                return new CelLiteral(token.Value);
            case CelTokenKind.Identifier:
                return Identifier(token.Text);
            case CelTokenKind.Operator when token.Text == "(":
                var inner = Conditional();
                Expect(")");
                return inner;
            case CelTokenKind.Operator when token.Text == "[":
                return new CelList(Arguments("]"));
            case CelTokenKind.Operator when token.Text == "{":
                return MapLiteral();
            default:
                throw new CelUnsupportedException($"unexpected '{token.Text}'");
        }
    }

    private CelExpr Identifier(string name) => name switch
    {
        "true" => new CelLiteral(true),
        "false" => new CelLiteral(false),
        "null" => new CelLiteral(null),
        _ when Accept("(") => new CelCall(null, name, Arguments("")),
        _ when Current.Kind == CelTokenKind.String => throw new CelUnsupportedException($"string prefix '{name}'"),
        _ => new CelIdent(name),
    };

    private CelMap MapLiteral()
    {
        var entries = new List<(CelExpr, CelExpr)>();
        if (Accept("}"))
        {
            return new CelMap(entries);
        }

        do
        {
            var key = Conditional();
            Expect(":");
            entries.Add((key, Conditional()));
        }
        while (Accept(","));
        Expect("}");
        return new CelMap(entries);
    }

    /// <summary>Comma-separated expressions up to the closing token (<c>)</c> for calls, <c>]</c> for lists).</summary>
    private List<CelExpr> Arguments(string close)
    {
        var end = close.Length == 0 ? ")" : close;
        var args = new List<CelExpr>();
        if (Accept(end))
        {
            return args;
        }

        do
        {
            args.Add(Conditional());
        }
        while (Accept(","));
        Expect(end);
        return args;
    }

    private CelToken Next()
    {
        var token = Current;
        if (position < tokens.Count - 1)
        {
            position++;
        }

        return token;
    }

    private bool Accept(string op)
    {
        if (Current.Kind == CelTokenKind.Operator && Current.Text == op)
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            throw new CelUnsupportedException($"expected '{op}', found '{Current.Text}'");
        }
    }

    private string ExpectIdentifier() =>
        Current.Kind == CelTokenKind.Identifier ? Next().Text : throw new CelUnsupportedException($"expected a name, found '{Current.Text}'");
}
