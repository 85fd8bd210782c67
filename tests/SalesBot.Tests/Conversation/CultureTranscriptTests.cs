using System.Globalization;
using System.Text.RegularExpressions;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// Everything a seller reads in an hour of use, in Spanish and in English, read back the way a
/// person would: every reply's text and every card's visible text (not the data behind buttons).
/// No day-first date in English (nor month-first in Spanish), no unit written twice, no enum
/// number where a label belongs, no record id, no text key.
/// </summary>
public abstract partial class CultureTranscriptTests : DemoBotTest
{
    /// <summary>A weekday on the 13th or later, within the next weeks: the order of day and month shows.</summary>
    private static DateTimeOffset TellingDay()
    {
        var day = LocalNow().Date.AddDays(1);
        while (day.Day < 13 || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return new DateTimeOffset(day.AddHours(15), LocalNow().Offset);
    }

    private async Task<List<JsonObject>> HourOfUseAsync(string locale)
    {
        var visitAt = TellingDay();
        var replies = new List<JsonObject>();
        async Task Say(JsonObject activity) => replies.Add(await AskAsync(activity));

        await AskAsync(Megan.Message("hola", locale)); // the approver reads in the same language
        await Say(Alex.Message("hola", locale));
        await Say(Alex.Message("ayuda todo", locale));
        await Say(Alex.Submit(new JsonObject
        {
            ["command"] = "opportunities.save",
            ["opportunityId"] = "",
            ["clientQuery"] = "Ferretería El Sol",
            ["title"] = "Suministro 2027",
            ["serviceType"] = "Energía no regulada",
            ["seats"] = "40",
            ["unitValue"] = "250.000",
            ["contractMonths"] = "24",
            ["expectedClose"] = Iso(visitAt, "yyyy-MM-dd"),
        }, locale));
        await Say(Alex.Message("mi pipeline", locale));
        await Say(Alex.Submit(new JsonObject
        {
            ["command"] = "visits.schedule",
            ["clientQuery"] = "Ferretería El Sol",
            ["date"] = Iso(visitAt, "yyyy-MM-dd"),
            ["time"] = "15:00",
            ["duration"] = "60",
            ["interviewee"] = "Carlos Ruiz",
            ["location"] = "Calle 10",
            ["inviteContact"] = "false",
        }, locale));
        await Say(Alex.Message("mis visitas " + Iso(visitAt, "yyyy-MM"), locale));
        await Say(Alex.Message("cumplimiento de visitas", locale));
        var deal = await Bot.WithDbAsync(db => db.Opportunities.Select(o => o.Id).SingleAsync());
        await Say(Alex.Submit(new JsonObject
        {
            ["command"] = "offers.submit",
            ["opportunityId"] = deal.ToString(),
            ["line1Description"] = "Suministro",
            ["line1Quantity"] = "40",
            ["line1UnitPrice"] = "100.000",
            ["line1Months"] = "24",
            ["discount"] = "5",
            ["risk"] = "low",
            ["validUntil"] = Iso(visitAt, "yyyy-MM-dd"),
        }, locale));
        replies.Add(await NextInAsync(Megan.ConversationId)); // the approval card
        await Say(Alex.Message("oferta aceptada suministro 2027", locale)); // a refusal with its next step
        await Say(Alex.Message("historial suministro 2027", locale));
        await Say(Alex.Message("oferta suministro 2027", locale));
        await Say(Alex.Message("mis pqr", locale));
        await Say(Alex.Message("mi perfil", locale));
        return replies;
    }

    /// <summary>What a person reads: activity text, TextBlocks and TextRuns, facts, choice titles and button titles.</summary>
    private static IEnumerable<string> Readable(JsonObject activity)
    {
        if (activity["text"]?.GetValue<string>() is { } text) yield return text;
        foreach (var node in activity.Card().Descendants())
        {
            // A markdown link reads as its text: "[Enlace a este registro](https://...)" shows "Enlace a este registro".
            foreach (var key in new[] { "text", "title", "label", "placeholder" })
                if (node[key] is JsonValue v && v.TryGetValue<string>(out var s)) yield return System.Text.RegularExpressions.Regex.Replace(s, @"\[([^\]]*)\]\([^)]*\)", "$1");
            if (node["facts"] is JsonArray facts)
                foreach (var fact in facts.OfType<JsonObject>()) yield return fact["value"]?.GetValue<string>() ?? "";
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-CO")]
    public async Task An_hour_of_use_reads_in_the_readers_culture_with_names_and_labels_only(string locale)
    {
        var english = locale.StartsWith("en", StringComparison.Ordinal);
        var replies = await HourOfUseAsync(locale);
        var lines = replies.SelectMany(Readable).Where(l => l.Length > 0).ToList();
        var keys = Bot.Services.GetRequiredService<Localizer>().Keys(Localizer.Spanish).ToHashSet();
        var visitAt = TellingDay();

        Assert.True(lines.Count > 100, $"the hour of use was read ({lines.Count} lines)");
        // The visit's day is written the reader's way: 12/14 in English, 14/12 in Spanish.
        var monthDay = english ? $"{visitAt.Month}/{visitAt.Day}" : $"{visitAt.Day}/{visitAt.Month:00}";
        Assert.Contains(lines, l => l.Contains(monthDay, StringComparison.Ordinal));
        var wrongOrder = english ? DayFirst() : MonthFirst();
        Assert.DoesNotContain(lines, l => wrongOrder.IsMatch(l));
        Assert.DoesNotContain(lines, l => DoubledUnit().IsMatch(l));
        Assert.DoesNotContain(lines, l => RawEnum().IsMatch(l));
        Assert.DoesNotContain(lines, l => RecordId().IsMatch(l));
        Assert.DoesNotContain(lines, l => l.Split(' ', ',', ':', '(', ')', '«', '»', '"').Any(keys.Contains));
        Assert.Contains(lines, l => l.StartsWith(english ? "Offer v1 for $ " : "Oferta v1 por $ ", StringComparison.Ordinal)); // the history tells the offer
        if (english) Assert.Contains(lines, l => l.Contains("PM", StringComparison.Ordinal)); // a 12-hour clock
    }

    [Fact]
    public void Every_card_sample_reads_without_ids_keys_or_doubled_units()
    {
        var renderer = Bot.Services.GetRequiredService<CardRenderer>();
        var keys = Bot.Services.GetRequiredService<Localizer>().Keys(Localizer.Spanish).ToHashSet();
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Root, "cards"), "*.data.json");
        Assert.True(samples.Length > 15);
        foreach (var sample in samples)
        {
            var name = Path.GetFileName(sample)[..^".data.json".Length];
            var card = renderer.Render(name, JsonNode.Parse(File.ReadAllText(sample))!).AsObject();
            var activity = new JsonObject
            {
                ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
            };
            var lines = Readable(activity).ToList();
            Assert.True(lines.Count > 0, name);
            Assert.DoesNotContain(lines, l => DoubledUnit().IsMatch(l) || RawEnum().IsMatch(l) || RecordId().IsMatch(l) || keys.Contains(l));
            Assert.DoesNotContain(lines, l => l.Contains("${", StringComparison.Ordinal));
        }
    }

    // 13/12 or 25/1: a day first (only provable when the day is over 12).
    [GeneratedRegex(@"(?<![\d/])(1[3-9]|2\d|3[01])/(0?[1-9]|1[0-2])(?![\d])")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"(?<![\d/])(0?[1-9]|1[0-2])/(1[3-9]|2\d|3[01])(?![\d])")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"%\s*%|\$\s*\$|\b(COP|BOB|MXN|USD)\s+\1\b")]
    private static partial Regex DoubledUnit();

    [GeneratedRegex(@"\b(Etapa|Stage|Segmento|Segment|Estado|Status|Riesgo|Risk|Nivel|Level|Tipo|Type|Canal|Channel)\s*:\s*-?\s*(→\s*)?\d+\b")]
    private static partial Regex RawEnum();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-")]
    private static partial Regex RecordId();
}

public sealed class SqliteCultureTranscriptTests : CultureTranscriptTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
