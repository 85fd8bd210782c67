using System.Globalization;
using System.Text.Json.Nodes;

namespace SalesBot.Features.Language;

/// <summary>
/// What a message asks for: one of the 22 intents and the entities it states, keyed and formatted
/// as the contract says (NLU.md: dates yyyy-mm-dd, times HH:MM, numbers as numbers, codes for
/// stages, indicators, periods, scopes and PQR types).
/// </summary>
public sealed record Understanding(string Intent, IReadOnlyDictionary<string, object> Entities)
{
    public JsonObject ToJson()
    {
        var entities = new JsonObject();
        foreach (var (key, value) in Entities.OrderBy(e => e.Key, StringComparer.Ordinal))
            entities[key] = value switch
            {
                decimal d => JsonValue.Create(d),
                int i => JsonValue.Create(i),
                _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
            };
        return new JsonObject { ["intent"] = Intent, ["entities"] = entities };
    }
}

/// <summary>
/// The built-in reading of a message, with no cloud: the intent by <see cref="IntentClassifier"/>
/// (over the phrases the features registered),
/// then each entity by its reader, kept only where the intent uses it (a time on a pipeline
/// question is noise) and put under the key the intent gives it (a PQR's date is when it was filed).
/// </summary>
public sealed class BuiltInUnderstanding(IntentClassifier classifier)
{
    /// <summary>Longer text is cut here: a message is read for what it asks, not scanned as a document.</summary>
    public const int MaxLength = 2_000;

    private static readonly Dictionary<string, string[]> KeysOf = new()
    {
        [NluIntents.LogVisit] = ["client", "contact", "location", "date", "time", "duration_minutes"],
        [NluIntents.ScheduleVisit] = ["client", "contact", "location", "date", "time", "duration_minutes"],
        [NluIntents.RescheduleVisit] = ["client", "contact", "location", "date", "time", "duration_minutes"],
        [NluIntents.CancelVisit] = ["client", "contact", "date", "time"],
        [NluIntents.ListVisits] = ["date", "period", "scope", "client"],
        [NluIntents.CreateClient] = ["client", "contact", "location"],
        [NluIntents.FindClient] = ["client"],
        [NluIntents.CreateOpportunity] = ["client", "amount", "currency", "seats", "stage", "date"],
        [NluIntents.MoveOpportunityStage] = ["client", "stage"],
        [NluIntents.MarkOpportunityLost] = ["client", "reason"],
        [NluIntents.ShowPipeline] = ["stage", "scope", "period", "client"],
        [NluIntents.SubmitOffer] = ["client", "amount", "currency", "seats"],
        [NluIntents.ListPendingApprovals] = ["scope"],
        [NluIntents.RegisterPqr] = ["client", "pqr_type", "radicado", "filed_date", "contact"],
        [NluIntents.ListPqrs] = ["date", "period", "scope", "pqr_type", "client"],
        [NluIntents.PqrDueDate] = ["radicado", "pqr_type", "filed_date", "client"],
        [NluIntents.ShowIndicator] = ["indicator", "period", "scope"],
        [NluIntents.MonthlyReport] = ["period", "scope"],
        [NluIntents.SubscribeDigest] = ["time", "scope"],
    };

    /// <summary>The entity keys an intent carries (none for greeting, help and none).</summary>
    public static IReadOnlyList<string> KeysFor(string intent) => KeysOf.TryGetValue(intent, out var keys) ? keys : [];

    public Understanding Read(string text, ReadingContext context)
    {
        if (text.Length > MaxLength) text = text[..MaxLength];
        var intent = classifier.Classify(text, context);
        if (!KeysOf.TryGetValue(intent, out var keys)) return new Understanding(intent, new Dictionary<string, object>());
        var wanted = keys.ToHashSet();
        var entities = new Dictionary<string, object>();
        void Put(string key, object? value)
        {
            if (value is not null && wanted.Contains(key)) entities[key] = value;
        }

        // A visit logged and a PQR filed happened already: "el viernes" is the last Friday.
        var past = intent is NluIntents.LogVisit or NluIntents.RegisterPqr or NluIntents.PqrDueDate;
        var date = intent == NluIntents.RescheduleVisit ? NewSlot(text, context) : DateReader.Read(text, context, past);
        var dateText = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // "del 1 al 4 de diciembre" is a span of days: its period, not its last day as a date.
        var period = VocabularyReader.Period(text, context);
        if (period is not null && period.Contains('/', StringComparison.Ordinal) && wanted.Contains("period")) date = null;
        dateText = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Put(intent is NluIntents.RegisterPqr or NluIntents.PqrDueDate ? "filed_date" : "date", dateText);
        var time = TimeReader.Read(text, context);
        Put("time", time.Time?.ToString("HH:mm", CultureInfo.InvariantCulture));
        Put("duration_minutes", time.DurationMinutes);
        var money = AmountReader.Read(text, context);
        Put("amount", money.Amount);
        Put("currency", money.Currency);
        Put("seats", money.Seats);
        if (intent != NluIntents.MarkOpportunityLost) Put("stage", VocabularyReader.Stage(text));
        Put("indicator", VocabularyReader.Indicator(text));
        // A single day is a date, never a period.
        if (date is null || intent is NluIntents.ShowIndicator or NluIntents.MonthlyReport) Put("period", period);
        Put("scope", VocabularyReader.Scope(text));
        Put("pqr_type", VocabularyReader.PqrType(text));
        Put("radicado", VocabularyReader.Radicado(text));
        var names = NameReader.Read(text, intent);
        Put("client", names.Client);
        Put("contact", names.Contact);
        Put("location", names.Location);
        Put("reason", names.Reason);
        return new Understanding(intent, entities);
    }

    /// <summary>
    /// A reschedule names the visit by its day and then the day it moves to ("la del jueves al
    /// viernes", "from Tuesday to Thursday"): the date after the last "para", "al" or "to" is the
    /// new slot; with no such word, the only date said.
    /// </summary>
    private static DateOnly? NewSlot(string text, ReadingContext context)
    {
        var lower = text.ToLowerInvariant();
        var best = -1;
        foreach (var cue in new[] { " para ", " al ", " to ", " until ", " hasta " })
            best = Math.Max(best, lower.LastIndexOf(cue, StringComparison.Ordinal));
        return best >= 0 && DateReader.Read(text[best..], context, false) is { } moved ? moved : DateReader.Read(text, context, false);
    }
}
