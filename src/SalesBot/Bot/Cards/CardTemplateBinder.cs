using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesBot.Bot.Cards;

/// <summary>
/// Binds an Adaptive Card template (Templating language: ${...}, $data, $when) to data, producing
/// the same card as the official adaptivecards-templating package for the subset we use (the
/// conformance test checks every template in cards/ against it).
/// </summary>
public static class CardTemplateBinder
{
    // Names the templating language reserves; the official binder leaves them out of the card.
    private static readonly HashSet<string> ReservedKeys = ["$root", "$index", "$host", "$_acTemplateVersion"];

    public static JsonNode Bind(JsonNode template, JsonNode data)
    {
        var scope = new BindingScope(data, data, null);
        return BindNode(template.DeepClone(), scope).SingleOrDefault()
            ?? throw new InvalidOperationException("The card template's root was removed by $when");
    }

    /// <summary>Binds one node; an element with an array $data expands to several, one with a false $when to none.</summary>
    private static IEnumerable<JsonNode?> BindNode(JsonNode? node, BindingScope scope)
    {
        switch (node)
        {
            case JsonObject obj:
                return BindObject(obj, scope);
            case JsonArray array:
                var result = new JsonArray();
                foreach (var item in array.ToList())
                {
                    array.Remove(item);
                    foreach (var bound in BindNode(item, scope)) result.Add(bound);
                }
                return [result];
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return [BindString(value.GetValue<string>(), scope)];
            default:
                return [node?.DeepClone()];
        }
    }

    private static IEnumerable<JsonNode?> BindObject(JsonObject obj, BindingScope scope)
    {
        if (obj.TryGetPropertyValue("$data", out var dataNode))
        {
            obj.Remove("$data");
            var data = dataNode is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? EvaluateWhole(v.GetValue<string>(), scope)
                : dataNode;
            if (data is JsonArray items)
            {
                var expanded = new List<JsonNode?>();
                for (var i = 0; i < items.Count; i++)
                {
                    var itemScope = scope with { Data = TemplateValues.Unwrap(items[i]) is var u && u is JsonNode ? items[i] : u, Index = i };
                    expanded.AddRange(BindObjectInScope((JsonObject)obj.DeepClone(), itemScope));
                }
                return expanded;
            }
            scope = scope with { Data = data is JsonNode n ? n : data };
        }
        return BindObjectInScope(obj, scope);
    }

    private static IEnumerable<JsonNode?> BindObjectInScope(JsonObject obj, BindingScope scope)
    {
        if (obj.TryGetPropertyValue("$when", out var when))
        {
            obj.Remove("$when");
            if (when is not JsonValue w || w.GetValueKind() != JsonValueKind.String)
                throw new FormatException("$when must be an expression such as \"${show}\" (the official binder inverts JSON booleans)");
            object? condition;
            try
            {
                condition = EvaluateWhole(w.GetValue<string>(), scope);
            }
            catch (FormatException)
            {
                // As the official binder: a condition that cannot be evaluated drops the element.
                condition = null;
            }
            // The official binder keeps the element only for a boolean true, not for any truthy value.
            if (condition is not true) return [];
        }
        var result = new JsonObject();
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            if (ReservedKeys.Contains(key)) continue;
            var bound = BindNode(value, scope).ToList();
            // As the official binder: nothing left -> null, one element -> itself, several -> an array.
            result[key] = bound.Count switch
            {
                0 => null,
                1 => bound[0],
                _ => new JsonArray(bound.ToArray()),
            };
        }
        return [result];
    }

    /// <summary>"${expr}" alone keeps the value's type; text around expressions makes a string.</summary>
    private static JsonNode? BindString(string text, BindingScope scope)
    {
        if (!text.Contains("${", StringComparison.Ordinal)) return JsonValue.Create(text);
        if (IsSingleExpression(text) && !IsBareLiteral(text[2..^1]))
        {
            var value = TemplateExpression.Evaluate(text[2..^1], scope);
            if (value == TemplateExpression.Undefined) return JsonValue.Create(text);
            return ToJson(value);
        }
        var sb = new StringBuilder();
        var pos = 0;
        while (pos < text.Length)
        {
            var start = text.IndexOf("${", pos, StringComparison.Ordinal);
            if (start < 0)
            {
                sb.Append(text, pos, text.Length - pos);
                break;
            }
            // "\${" is how a template writes a literal "${".
            if (start > 0 && text[start - 1] == '\\')
            {
                sb.Append(text, pos, start - 1 - pos).Append("${");
                pos = start + 2;
                continue;
            }
            var end = FindClose(text, start + 2);
            sb.Append(text, pos, start - pos);
            var value = TemplateExpression.Evaluate(text[(start + 2)..end], scope);
            sb.Append(value switch
            {
                _ when value == TemplateExpression.Undefined => text[start..(end + 1)],
                null => throw new FormatException($"'{text[start..(end + 1)]}' is null inside text (the official binder fails on this)"),
                JsonNode => throw new FormatException($"'{text[start..(end + 1)]}' is an object or array inside text"),
                _ => TemplateValues.ToText(value),
            });
            pos = end + 1;
        }
        return JsonValue.Create(sb.ToString());
    }

    /// <summary>"${5}" or "${true}": the official binder leaves a lone literal as text.</summary>
    private static bool IsBareLiteral(string expression)
    {
        var e = expression.Trim();
        return e is "true" or "false" || (e.Length > 0 && char.IsDigit(e[0]) && e.All(c => char.IsDigit(c) || c == '.'));
    }

    private static object? EvaluateWhole(string text, BindingScope scope) =>
        IsSingleExpression(text) ? TemplateExpression.Evaluate(text[2..^1], scope) : text;

    private static bool IsSingleExpression(string text) =>
        text.StartsWith("${", StringComparison.Ordinal) && FindClose(text, 2) == text.Length - 1;

    /// <summary>The '}' that closes an expression, skipping quoted strings and nested braces.</summary>
    private static int FindClose(string text, int from)
    {
        var depth = 0;
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
                continue;
            }
            switch (c)
            {
                case '\'' or '"': quote = c; break;
                case '{': depth++; break;
                case '}' when depth == 0: return i;
                case '}': depth--; break;
            }
        }
        throw new FormatException($"Unclosed expression in '{text}'");
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        JsonNode n => n.DeepClone(),
        _ => JsonValue.Create(TemplateValues.ToText(value)),
    };
}
