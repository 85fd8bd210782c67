using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesBot.Bot.Cards;

/// <summary>
/// What template values are and how they combine, as in Adaptive Expressions: JSON scalars as CLR
/// values, member and index access, operators, equality, truthiness, numbers and text.
/// </summary>
internal static class TemplateValues
{
    internal static object? Member(object? target, string name) => target switch
    {
        JsonObject o => o.TryGetPropertyValue(name, out var v) ? Unwrap(v) : TemplateExpression.Undefined,
        _ => TemplateExpression.Undefined,
    };

    internal static object? Index(object? target, object? index) => (target, index) switch
    {
        (JsonArray a, double d) when d >= 0 && d < a.Count && d == Math.Floor(d) => Unwrap(a[(int)d]),
        (JsonObject o, string key) => o.TryGetPropertyValue(key, out var v) ? Unwrap(v) : TemplateExpression.Undefined,
        _ => TemplateExpression.Undefined,
    };

    /// <summary>JSON scalars become CLR values so expressions can compute with them.</summary>
    // The arms are cast to object: JsonNode's implicit conversions from string, double and bool
    // would otherwise make the switch's type JsonNode and wrap every scalar straight back.
    internal static object? Unwrap(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => (object)v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => (object)v.GetValue<double>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => (object)true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => (object)false,
        _ => (object)node,
    };

    internal static object? Binary(string op, object? l, object? r) => op switch
    {
        "||" => Truthy(l) || Truthy(r),
        "&&" => Truthy(l) && Truthy(r),
        "==" => AreEqual(l, r),
        "!=" => !AreEqual(l, r),
        "<" => ToNumber(l) < ToNumber(r),
        "<=" => ToNumber(l) <= ToNumber(r),
        ">" => ToNumber(l) > ToNumber(r),
        ">=" => ToNumber(l) >= ToNumber(r),
        "+" when l is string || r is string => ToText(l) + ToText(r),
        "+" => ToNumber(l) + ToNumber(r),
        "-" => ToNumber(l) - ToNumber(r),
        "*" => ToNumber(l) * ToNumber(r),
        // Integer operands divide as integers, as in Adaptive Expressions (5 / 2 is 2).
        "/" when IsInteger(l) && IsInteger(r) => Math.Truncate(ToNumber(l) / ToNumber(r)),
        "/" => ToNumber(l) / ToNumber(r),
        "%" => ToNumber(l) % ToNumber(r),
        _ => throw new FormatException($"Unknown operator {op}"),
    };

    internal static bool IsInteger(object? v) => v is double d && d == Math.Floor(d);

    internal static bool AreEqual(object? l, object? r)
    {
        if (l == TemplateExpression.Undefined) l = null;
        if (r == TemplateExpression.Undefined) r = null;
        return (l, r) switch
        {
            (null, null) => true,
            (double a, double b) => a == b,
            (string a, string b) => a == b,
            (bool a, bool b) => a == b,
            (JsonNode a, JsonNode b) => JsonNode.DeepEquals(a, b),
            _ => false,
        };
    }

    internal static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        _ when value == TemplateExpression.Undefined => false,
        _ => true,
    };

    internal static double ToNumber(object? value) => value switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        bool b => b ? 1 : 0,
        _ => throw new FormatException($"'{ToText(value)}' is not a number"),
    };

    internal static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        JsonNode n => n.ToJsonString(),
        _ when value == TemplateExpression.Undefined => "",
        _ => value.ToString() ?? "",
    };
}
