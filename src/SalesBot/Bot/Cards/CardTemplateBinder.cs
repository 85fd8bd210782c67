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

    /// <summary>
    /// Binds the template to the data. The template is only read, never changed, so one
    /// <see cref="Prepare"/>d template may be bound by many turns at once.
    /// </summary>
    public static JsonNode Bind(JsonNode template, JsonNode data)
    {
        var output = new List<JsonNode?>(1);
        BindNode(template, new BindingScope(data, data, null), output);
        if (output.Count > 1) throw new InvalidOperationException("The card template's root expanded to several elements ($data over an array)");
        return output.Count == 1 && output[0] is { } card ? card : throw new InvalidOperationException("The card template's root was removed by $when");
    }

    /// <summary>
    /// A template to be bound many times: every object and text read into memory once. A parsed
    /// node reads its JSON text again on first access, which is neither cheap on each turn nor
    /// safe from several threads at once.
    /// </summary>
    public static JsonNode Prepare(JsonNode template) => Materialize(template) ?? throw new InvalidDataException("The card template is null");

    private static JsonNode? Materialize(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Materialize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Materialize).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(v.GetValue<bool>()),
        JsonValue v when v.TryGetValue<long>(out var whole) => JsonValue.Create(whole),
        _ => node.DeepClone(),
    };

    /// <summary>Binds one node into <paramref name="output"/>: an element with an array $data expands to several, one with a false $when to none.</summary>
    private static void BindNode(JsonNode? node, BindingScope scope, ICollection<JsonNode?> output)
    {
        switch (node)
        {
            case JsonObject obj:
                BindObject(obj, scope, output);
                return;
            case JsonArray array:
                var result = new JsonArray();
                foreach (var item in array) BindNode(item, scope, result);
                output.Add(result);
                return;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                output.Add(BindString(value.GetValue<string>(), scope));
                return;
            default:
                output.Add(node?.DeepClone());
                return;
        }
    }

    private static void BindObject(JsonObject obj, BindingScope scope, ICollection<JsonNode?> output)
    {
        if (obj.TryGetPropertyValue("$data", out var dataNode))
        {
            var data = dataNode is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? EvaluateWhole(v.GetValue<string>(), scope)
                : dataNode;
            if (data is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var itemScope = scope with { Data = TemplateValues.Unwrap(items[i]) is var u && u is JsonNode ? items[i] : u, Index = i };
                    BindObjectInScope(obj, itemScope, output);
                }
                return;
            }
            scope = scope with { Data = data };
        }
        BindObjectInScope(obj, scope, output);
    }

    private static void BindObjectInScope(JsonObject obj, BindingScope scope, ICollection<JsonNode?> output)
    {
        if (obj.TryGetPropertyValue("$when", out var when))
        {
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
            if (condition is not true) return;
        }
        var result = new JsonObject();
        var bound = new List<JsonNode?>(1);
        foreach (var (key, value) in obj)
        {
            // $data and $when were applied above (on this object or its copy per item).
            if (key is "$data" or "$when" || ReservedKeys.Contains(key)) continue;
            bound.Clear();
            BindNode(value, scope, bound);
            // As the official binder: nothing left -> null, one element -> itself, several -> an array.
            result[key] = bound.Count switch
            {
                0 => null,
                1 => bound[0],
                _ => new JsonArray(bound.ToArray()),
            };
        }
        output.Add(result);
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
