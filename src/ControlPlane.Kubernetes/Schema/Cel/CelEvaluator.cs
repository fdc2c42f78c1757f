namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>
/// Evaluates parsed CEL over <see cref="CelValues"/>. Implements the operators, macros (<c>has</c>, <c>all</c>,
/// <c>exists</c>, <c>exists_one</c>, <c>filter</c>, <c>map</c>) and functions that Istio's CRD rules use; anything else throws
/// <see cref="CelUnsupportedException"/> so the caller reports the rule as unchecked rather than passed.
/// </summary>
internal sealed class CelEvaluator
{
    private readonly Dictionary<string, object?> variables;

    private CelEvaluator(Dictionary<string, object?> variables) => this.variables = variables;

    public static object? Evaluate(CelExpr expr, object? self) =>
        new CelEvaluator(new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self }).Eval(expr);

    private object? Eval(CelExpr expr) => expr switch
    {
        CelLiteral literal => literal.Value,
        CelIdent ident => variables.TryGetValue(ident.Name, out var value) ? value : throw new CelUnsupportedException($"undeclared reference '{ident.Name}'"),
        CelSelect select => Select(Eval(select.Target), select.Field),
        CelIndex index => Index(Eval(index.Target), Eval(index.Key)),
        CelList list => list.Items.Select(Eval).ToList(),
        CelMap map => map.Entries.ToDictionary(
            entry => Eval(entry.Key) as string ?? throw new CelUnsupportedException("map literal keys other than strings"),
            entry => Eval(entry.Value),
            StringComparer.Ordinal),
        CelUnary unary => Unary(unary),
        CelBinary { Operator: "&&" or "||" } logical => Logical(logical),
        CelBinary binary => CelOperators.Binary(binary.Operator, Eval(binary.Left), Eval(binary.Right)),
        CelConditional conditional => Bool(Eval(conditional.Condition)) ? Eval(conditional.WhenTrue) : Eval(conditional.WhenFalse),
        CelCall call => Call(call),
        _ => throw new CelUnsupportedException(expr.GetType().Name),
    };

    private static object? Select(object? target, string field) => target switch
    {
        Dictionary<string, object?> map => map.TryGetValue(field, out var value) ? value : throw new CelEvaluationException($"no such key: {field}"),
        _ => throw new CelEvaluationException($"cannot select '{field}' from {CelValues.TypeName(target)}"),
    };

    private static object? Index(object? target, object? key) => (target, key) switch
    {
        (List<object?> list, long i) when i >= 0 && i < list.Count => list[(int)i],
        (List<object?>, long i) => throw new CelEvaluationException($"index {i} out of range"),
        (Dictionary<string, object?> map, string k) => map.TryGetValue(k, out var value) ? value : throw new CelEvaluationException($"no such key: {k}"),
        _ => throw new CelEvaluationException($"cannot index {CelValues.TypeName(target)} with {CelValues.TypeName(key)}"),
    };

    private object? Unary(CelUnary unary)
    {
        var operand = Eval(unary.Operand);
        return (unary.Operator, operand) switch
        {
            ("!", bool b) => !b,
            ("-", long l) => -l,
            ("-", double d) => -d,
            _ => throw new CelEvaluationException($"no such overload: {unary.Operator}{CelValues.TypeName(operand)}"),
        };
    }

    /// <summary>CEL's logical operators are commutative over errors: <c>false &amp;&amp; error</c> is false either way round.</summary>
    private object? Logical(CelBinary binary)
    {
        var shortCircuit = binary.Operator == "||";
        CelEvaluationException? error = null;
        try
        {
            if (Bool(Eval(binary.Left)) == shortCircuit)
            {
                return shortCircuit;
            }
        }
        catch (CelEvaluationException ex)
        {
            error = ex;
        }

        var right = Bool(Eval(binary.Right));
        if (right == shortCircuit)
        {
            return shortCircuit;
        }

        return error is null ? right : throw error;
    }

    private object? Call(CelCall call)
    {
        if (call.Target is null && call.Function == "has")
        {
            return Has(call);
        }

        if (call.Target is not null && call.Function is "all" or "exists" or "exists_one" or "filter" or "map")
        {
            return Comprehension(call);
        }

        var args = call.Args.Select(Eval).ToList();
        return call.Target is null
            ? CelFunctions.Global(call.Function, args)
            : CelFunctions.Method(Eval(call.Target), call.Function, args);
    }

    private object? Has(CelCall call)
    {
        if (call.Args is not [CelSelect select])
        {
            throw new CelUnsupportedException("has() needs a field selection");
        }

        return Eval(select.Target) switch
        {
            Dictionary<string, object?> map => map.TryGetValue(select.Field, out var value) && value is not null,
            var other => throw new CelEvaluationException($"has() on {CelValues.TypeName(other)}"),
        };
    }

    private object? Comprehension(CelCall call)
    {
        if (call.Args is not [CelIdent variable, var body])
        {
            throw new CelUnsupportedException($"{call.Function}() with {call.Args.Count} arguments");
        }

        var range = Eval(call.Target!) switch
        {
            List<object?> list => list,
            Dictionary<string, object?> map => map.Keys.Cast<object?>().ToList(),
            var other => throw new CelEvaluationException($"{call.Function}() over {CelValues.TypeName(other)}"),
        };
        var shadowed = variables.TryGetValue(variable.Name, out var previous);
        try
        {
            var results = range.Select(item =>
            {
                variables[variable.Name] = item;
                return (Item: item, Result: Eval(body));
            }).ToList();
            return call.Function switch
            {
                "all" => results.All(r => Bool(r.Result)),
                "exists" => results.Any(r => Bool(r.Result)),
                "exists_one" => results.Count(r => Bool(r.Result)) == 1,
                "filter" => results.Where(r => Bool(r.Result)).Select(r => r.Item).ToList(),
                _ => results.Select(r => r.Result).ToList(),
            };
        }
        finally
        {
            if (shadowed)
            {
                variables[variable.Name] = previous;
            }
            else
            {
                variables.Remove(variable.Name);
            }
        }
    }

    private static bool Bool(object? value) =>
        value as bool? ?? throw new CelEvaluationException($"expected bool, got {CelValues.TypeName(value)}");
}
