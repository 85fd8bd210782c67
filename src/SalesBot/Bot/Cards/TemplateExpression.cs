using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesBot.Bot.Cards;

/// <summary>
/// The subset of the Adaptive Expressions language our card templates use: paths ($root, $data,
/// $index, a.b[0]), literals, ! - * / % + comparisons && ||, and a handful of functions. Anything
/// else is a template bug and throws, so it is caught by the card tests and not by a user.
/// </summary>
internal sealed class TemplateExpression
{
    /// <summary>Result of a path that does not exist (unlike JSON null, which exists).</summary>
    public static readonly object Undefined = new();

    private readonly string _text;
    private int _pos;

    private TemplateExpression(string text) => _text = text;

    public static object? Evaluate(string expression, BindingScope scope) => Parsed(expression)(scope);

    // Expressions come from the card templates, a few hundred in all: each is parsed once. The cap
    // only guards the process should one ever come from elsewhere (it is then parsed each time).
    private const int MaxParsed = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Eval> ParsedExpressions = new(StringComparer.Ordinal);

    private static Eval Parsed(string expression)
    {
        if (ParsedExpressions.TryGetValue(expression, out var known)) return known;
        var parsed = Parse(expression);
        if (ParsedExpressions.Count < MaxParsed) ParsedExpressions.TryAdd(expression, parsed);
        return parsed;
    }

    private static Eval Parse(string expression)
    {
        var parser = new TemplateExpression(expression);
        var node = parser.ParseExpression(0);
        parser.SkipSpace();
        if (parser._pos != expression.Length)
            throw new FormatException($"Unexpected '{expression[parser._pos..]}' in expression '{expression}'");
        return node;
    }

    private delegate object? Eval(BindingScope scope);

    private static readonly Dictionary<string, int> Precedence = new()
    {
        ["||"] = 1,
        ["&&"] = 2,
        ["=="] = 3,
        ["!="] = 3,
        ["<"] = 4,
        ["<="] = 4,
        [">"] = 4,
        [">="] = 4,
        ["+"] = 5,
        ["-"] = 5,
        ["*"] = 6,
        ["/"] = 6,
        ["%"] = 6,
    };

    private Eval ParseExpression(int minPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            var op = PeekOperator();
            if (op is null || Precedence[op] < minPrecedence) return left;
            _pos += op.Length;
            var right = ParseExpression(Precedence[op] + 1);
            var l = left;
            left = s => TemplateValues.Binary(op, l(s), right(s));
        }
    }

    private string? PeekOperator()
    {
        foreach (var op in new[] { "||", "&&", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%" })
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0) return op;
        return null;
    }

    private Eval ParseUnary()
    {
        SkipSpace();
        if (Take('!'))
        {
            var operand = ParseUnary();
            return s => !TemplateValues.Truthy(operand(s));
        }
        if (Take('-'))
        {
            var operand = ParseUnary();
            return s => -TemplateValues.ToNumber(operand(s));
        }
        return ParsePostfix(ParsePrimary());
    }

    private Eval ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length) throw new FormatException($"Unexpected end of expression '{_text}'");
        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseExpression(0);
            Expect(')');
            return inner;
        }
        if (c is '\'' or '"')
        {
            var literal = ReadString(c);
            return _ => literal;
        }
        if (char.IsDigit(c))
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
            var number = double.Parse(_text[start.._pos], CultureInfo.InvariantCulture);
            return _ => number;
        }
        var name = ReadIdentifier();
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == '(')
        {
            _pos++;
            var args = new List<Eval>();
            SkipSpace();
            if (!Take(')'))
            {
                do args.Add(ParseExpression(0)); while (Take(','));
                Expect(')');
            }
            return Functions.Bind(name, args.Select(a => (Func<BindingScope, object?>)(s => a(s))).ToList());
        }
        return name switch
        {
            "true" => _ => true,
            "false" => _ => false,
            "null" => _ => null,
            "$root" => s => s.Root,
            "$data" => s => s.Data,
            "$index" => s => s.Index.HasValue ? (double)s.Index.Value : Undefined,
            _ => s => TemplateValues.Member(s.Data, name),
        };
    }

    private Eval ParsePostfix(Eval target)
    {
        while (true)
        {
            SkipSpace();
            if (Take('.'))
            {
                var name = ReadIdentifier();
                var t = target;
                target = s => TemplateValues.Member(t(s), name);
            }
            else if (Take('['))
            {
                var index = ParseExpression(0);
                Expect(']');
                var t = target;
                target = s => TemplateValues.Index(t(s), index(s));
            }
            else return target;
        }
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '$' or '@')) _pos++;
        if (start == _pos) throw new FormatException($"Expected a name at {_pos} in '{_text}'");
        return _text[start.._pos];
    }

    private string ReadString(char quote)
    {
        _pos++;
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] != quote) _pos++;
        if (_pos >= _text.Length) throw new FormatException($"Unterminated string in '{_text}'");
        var value = _text[start.._pos];
        _pos++;
        return value;
    }

    private bool Take(char c)
    {
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        if (!Take(c)) throw new FormatException($"Expected '{c}' at {_pos} in '{_text}'");
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    /// <summary>The prebuilt functions we allow in templates (names as in Adaptive Expressions).</summary>
    private static class Functions
    {
        public static Eval Bind(string name, List<Func<BindingScope, object?>> a) => name switch
        {
            "if" when a.Count == 3 => s => TemplateValues.Truthy(a[0](s)) ? a[1](s) : a[2](s),
            "not" when a.Count == 1 => s => !TemplateValues.Truthy(a[0](s)),
            "and" when a.Count >= 1 => s => a.All(x => TemplateValues.Truthy(x(s))),
            "or" when a.Count >= 1 => s => a.Any(x => TemplateValues.Truthy(x(s))),
            "equals" when a.Count == 2 => s => TemplateValues.AreEqual(a[0](s), a[1](s)),
            "exists" when a.Count == 1 => s => a[0](s) is { } v && v != Undefined,
            "empty" when a.Count == 1 => s => IsEmpty(a[0](s)),
            "count" or "length" when a.Count == 1 => s => (double)Count(a[0](s)),
            "concat" when a.Count >= 1 => s => string.Concat(a.Select(x => TemplateValues.ToText(x(s)))),
            "string" when a.Count == 1 => s => TemplateValues.ToText(a[0](s)),
            "toUpper" when a.Count == 1 => s => TemplateValues.ToText(a[0](s)).ToUpperInvariant(),
            "toLower" when a.Count == 1 => s => TemplateValues.ToText(a[0](s)).ToLowerInvariant(),
            "join" when a.Count == 2 => s => a[0](s) is JsonArray arr
                ? string.Join(TemplateValues.ToText(a[1](s)), arr.Select(x => TemplateValues.ToText(TemplateValues.Unwrap(x))))
                : Undefined,
            _ => throw new FormatException($"Function {name} with {a.Count} arguments is not supported in card templates"),
        };

        private static bool IsEmpty(object? v) => v switch
        {
            null => true,
            string s => s.Length == 0,
            JsonArray arr => arr.Count == 0,
            JsonObject o => o.Count == 0,
            _ => v == Undefined,
        };

        private static int Count(object? v) => v switch
        {
            string s => s.Length,
            JsonArray arr => arr.Count,
            _ => 0,
        };
    }
}

/// <summary>What names refer to while binding: the whole data ($root), the current item ($data), its index.</summary>
internal sealed record BindingScope(JsonNode? Root, object? Data, int? Index);
