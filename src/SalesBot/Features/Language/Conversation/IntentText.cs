using SalesBot.Features.Shared;
using System.Globalization;
using SalesBot.Bot;
using SalesBot.Features.Shared;

namespace SalesBot.Features.Language.Conversation;

/// <summary>
/// What a reading says, written the way the typed commands read it: the routes of each feature
/// build their command's input from these, so a sentence and a typed command meet in one parser.
/// </summary>
public static class IntentText
{
    public static string? Value(Understanding reading, string key) =>
        reading.Entities.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary>The days a date or a period covers, as "2026-11-23 a 2026-11-29" (every list command reads a range so); null when neither was said.</summary>
    public static string? Days(Understanding reading)
    {
        if (Value(reading, "date") is { } date) return date + " a " + date;
        return Value(reading, "period") is { } code && IndicatorPeriod.Parse(code) is { } period
            ? period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " a " + period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The scope word the indicator and report commands read first: "equipo", "empresa" (or English), nothing for oneself.</summary>
    public static string? Scope(Understanding reading, BotTurn turn) => Value(reading, "scope") switch
    {
        "team" => turn.Language == "en" ? "team" : "equipo",
        "company" => turn.Language == "en" ? "company" : "empresa",
        _ => null,
    };

    public static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
