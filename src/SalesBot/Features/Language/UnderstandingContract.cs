using System.Globalization;
using System.Text.Json.Nodes;
using SalesBot.Features.Shared;

namespace SalesBot.Features.Language;

/// <summary>
/// NLU.md as a JSON schema a language model answers in (strict structured output), and the check
/// that an answer keeps to it: an intent among those the bot answers, each entity a key its intent
/// carries, in its format (dates yyyy-mm-dd, times HH:MM, numbers, the codes of stages, currencies,
/// indicators, scopes and PQR types, periods the indicators read). An answer that breaks any of it
/// is not used.
/// </summary>
public sealed class UnderstandingContract
{
    private static readonly Dictionary<string, string[]> Codes = new()
    {
        ["stage"] = ["hunting", "qualification", "proposal", "negotiation", "won", "lost"],
        ["currency"] = ["COP", "BOB", "MXN", "USD"],
        ["indicator"] = ["budget_execution_regulated", "budget_execution_non_regulated", "billing_growth", "conversion", "visit_compliance", "pqr_timeliness", "churn"],
        ["scope"] = ["me", "team", "company"],
        ["pqr_type"] = ["peticion", "queja", "reclamo", "recurso", "solicitud_documentos", "consulta"],
    };

    private static readonly HashSet<string> Numbers = ["duration_minutes", "amount", "seats"];

    /// <summary>Free text an answer may carry; longer is not a name.</summary>
    private const int MaxText = 200;

    public UnderstandingContract(IEnumerable<string> intents)
    {
        // "none" is always an answer: it is what a message that asks for nothing the bot does gets.
        Intents = intents.Append(NluIntents.None).Where(NluIntents.All.Contains).Distinct().OrderBy(i => NluIntents.All.ToList().IndexOf(i)).ToList();
        Keys = Intents.SelectMany(BuiltInUnderstanding.KeysFor).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> Intents { get; }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>The strict JSON schema: every key present, null when the text does not say it.</summary>
    public JsonObject Schema()
    {
        var properties = new JsonObject();
        foreach (var key in Keys)
        {
            var property = new JsonObject { ["type"] = new JsonArray(Numbers.Contains(key) ? "number" : "string", "null") };
            if (Codes.TryGetValue(key, out var codes)) property["enum"] = new JsonArray([.. codes.Select(c => (JsonNode?)c), null]);
            properties[key] = property;
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["intent"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Intents.Select(i => (JsonNode?)i)]) },
                ["entities"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = properties,
                    ["required"] = new JsonArray([.. Keys.Select(k => (JsonNode?)k)]),
                    ["additionalProperties"] = false,
                },
            },
            ["required"] = new JsonArray("intent", "entities"),
            ["additionalProperties"] = false,
        };
    }

    /// <summary>The answer as an understanding, or null when it is outside the contract.</summary>
    public Understanding? Check(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer) || answer.Length > 16_000) return null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (root is not JsonObject o || o["intent"] is not JsonValue i || !i.TryGetValue<string>(out var intent) || !Intents.Contains(intent)) return null;
        var carried = BuiltInUnderstanding.KeysFor(intent).ToHashSet();
        var entities = new Dictionary<string, object>();
        if (o["entities"] is JsonObject given)
        {
            foreach (var (key, node) in given)
            {
                if (node is null) continue;
                if (!Keys.Contains(key) || node is not JsonValue value) return null;
                if (ValueOf(key, value) is not { } read) return null;
                // A key the intent does not carry is noise (a time on a pipeline question), as in the built-in reading.
                if (carried.Contains(key)) entities[key] = read;
            }
        }
        else if (o["entities"] is not null) return null;
        return new Understanding(intent, entities);
    }

    private static object? ValueOf(string key, JsonValue value)
    {
        if (Numbers.Contains(key))
        {
            if (!decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0 || number > 1_000_000_000_000m) return null;
            return key is "duration_minutes" or "seats" ? number == decimal.Truncate(number) && number <= 100_000 ? (int)number : null : number;
        }
        if (!value.TryGetValue<string>(out var text) || text.Length == 0 || text.Length > MaxText) return null;
        return key switch
        {
            _ when Codes.TryGetValue(key, out var codes) => codes.Contains(text) ? text : null,
            "date" or "filed_date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : null,
            "time" => TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : null,
            "period" => IndicatorPeriod.Parse(text) is not null ? text : null,
            _ => text.Any(char.IsControl) ? null : text.Trim(),
        };
    }
}
