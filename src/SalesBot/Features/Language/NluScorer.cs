using SalesBot.Features.Shared;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Features.Shared;

namespace SalesBot.Features.Language;

/// <summary>One line of a labelled set (NLU.md's line format): what was said, and what should be read in it.</summary>
public sealed record LabelledLine(string Id, string Locale, string Text, string Intent, IReadOnlyDictionary<string, JsonNode> Entities, IReadOnlySet<string> Ignore)
{
    /// <summary>The line, or why it is not one (a labelled set with a broken line is not scored at all).</summary>
    public static (LabelledLine? Line, string? Error) Parse(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o) return (null, "not a JSON object");
            string? Text(string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (Text("id") is not { } id || Text("locale") is not { } locale || Text("text") is not { } text || Text("intent") is not { } intent)
                return (null, "\"id\", \"locale\", \"text\" and \"intent\" must be strings");
            if (!NluIntents.All.Contains(intent)) return (null, $"\"{intent}\" is not one of the 22 intents");
            var entities = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
            if (o["entities"] is JsonObject e)
                foreach (var (key, value) in e)
                    if (value is not null) entities[key] = value.DeepClone();
            var ignore = o["ignore"] is JsonArray a ? a.Select(n => n?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) : [];
            return (new LabelledLine(id, locale, text, intent, entities, ignore), null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return (null, "not valid JSON");
        }
    }
}

/// <summary>How well a recognizer reads one locale's lines (or all of them): intents right, and entity precision, recall and F1.</summary>
public sealed record NluScore(string Locale, int Lines, int IntentsRight, int EntitiesRight, int EntitiesRead, int EntitiesExpected)
{
    public double IntentAccuracy => Lines == 0 ? 0 : (double)IntentsRight / Lines;
    public double Precision => EntitiesRead == 0 ? 1 : (double)EntitiesRight / EntitiesRead;
    public double Recall => EntitiesExpected == 0 ? 1 : (double)EntitiesRight / EntitiesExpected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public NluScore Add(NluScore other) =>
        new(Locale, Lines + other.Lines, IntentsRight + other.IntentsRight, EntitiesRight + other.EntitiesRight, EntitiesRead + other.EntitiesRead, EntitiesExpected + other.EntitiesExpected);
}

/// <summary>What went wrong on one line, for tuning: the intent read, and each entity missed, extra or different.</summary>
public sealed record NluMiss(LabelledLine Line, string IntentRead, IReadOnlyList<string> Differences);

/// <summary>
/// Scores a recognizer on a labelled set as NLU.md counts: an intent is right or wrong; an entity
/// read is right when the line expects that key with an equal value (names by their letters, case
/// aside; numbers as numbers; periods as the days they cover, so 2026-11 = 2026-11-01/2026-11-30);
/// keys the line ignores count in neither direction.
/// </summary>
public static class NluScorer
{
    public static (IReadOnlyList<NluScore> PerLocale, NluScore Total, IReadOnlyList<NluMiss> Misses) Score(IEnumerable<LabelledLine> lines, Func<LabelledLine, Understanding> read)
    {
        var perLocale = new SortedDictionary<string, NluScore>(StringComparer.Ordinal);
        var misses = new List<NluMiss>();
        foreach (var line in lines)
        {
            var reading = read(line);
            var got = reading.ToJson()["entities"]!.AsObject();
            var differences = new List<string>();
            int right = 0, read_ = 0, expected = 0;
            foreach (var (key, value) in got)
            {
                if (line.Ignore.Contains(key) || value is null) continue;
                read_++;
                if (line.Entities.TryGetValue(key, out var want) && Same(key, want, value)) right++;
                else differences.Add(line.Entities.TryGetValue(key, out var w) ? $"{key}: {value.ToJsonString()} instead of {w.ToJsonString()}" : $"{key}: {value.ToJsonString()} not expected");
            }
            foreach (var (key, value) in line.Entities)
            {
                if (line.Ignore.Contains(key)) continue;
                expected++;
                if (!got.ContainsKey(key)) differences.Add($"{key}: missing {value.ToJsonString()}");
            }
            var score = new NluScore(line.Locale, 1, reading.Intent == line.Intent ? 1 : 0, right, read_, expected);
            perLocale[line.Locale] = perLocale.TryGetValue(line.Locale, out var sum) ? sum.Add(score) : score;
            if (reading.Intent != line.Intent || differences.Count > 0) misses.Add(new NluMiss(line, reading.Intent, differences));
        }
        var total = perLocale.Values.Aggregate(new NluScore("all", 0, 0, 0, 0, 0), (a, b) => a.Add(b) with { Locale = "all" });
        return (perLocale.Values.ToList(), total, misses);
    }

    private static bool Same(string key, JsonNode want, JsonNode got)
    {
        if (want is not JsonValue w || got is not JsonValue g) return false;
        if (w.GetValueKind() == JsonValueKind.Number || g.GetValueKind() == JsonValueKind.Number)
            return Number(w) is { } a && Number(g) is { } b && a == b;
        var x = w.ToString().Trim();
        var y = g.ToString().Trim();
        if (key == "period" && IndicatorPeriod.Parse(x) is { } p && IndicatorPeriod.Parse(y) is { } q) return p.From == q.From && p.To == q.To;
        return string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
    }

    // A number node may hold an int, a decimal or parsed JSON: its JSON text reads the same for all.
    private static decimal? Number(JsonValue value) =>
        decimal.TryParse(value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
