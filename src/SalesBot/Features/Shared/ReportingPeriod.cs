using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesBot.Features.Shared;

/// <summary>
/// The stretch of local dates an indicator covers, both ends included. People ask for it as they
/// say it: nothing (this month), "octubre" / "october" (the last October not in the future),
/// "2026-10", "mes pasado" / "last month", "este año" / "this year", "hoy", "mañana", "esta
/// semana", "próxima semana", or a range of days ("del 01/11 al 15/11").
/// </summary>
public sealed partial record ReportingPeriod(DateOnly From, DateOnly To, string Kind)
{
    private static readonly string[] SpanishMonths =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    public static ReportingPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1), "month");

    /// <summary>Monday to Sunday around the date.</summary>
    public static ReportingPeriod Week(DateOnly date)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return new(monday, monday.AddDays(6), "week");
    }

    public static ReportingPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), "year");

    /// <summary>The years anyone means in a sales conversation; outside them a date is a typo (or worse).</summary>
    public const int MinYear = 2000, MaxYear = 2100;

    /// <summary>The period the words name, relative to <paramref name="today"/>; null when they name none.</summary>
    /// <param name="upcoming">for plans and agendas: a month named alone is the next one not yet over ("diciembre" in November is this December), not the last one begun.</param>
    public static ReportingPeriod? Parse(string? text, DateOnly today, bool upcoming = false)
    {
        if (Range(text ?? "", today) is { } range) return range;
        var folded = TextFolding.Fold(text ?? "");
        // Words such as "de", "del", "en" carry nothing: "indicador pqr de octubre".
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("de" or "del" or "en" or "for" or "in" or "of")).ToArray();
        var phrase = string.Join(' ', words);
        switch (phrase)
        {
            case "hoy" or "today":
                return new(today, today, "day");
            case "manana" or "tomorrow":
                return new(today.AddDays(1), today.AddDays(1), "day");
            case "semana" or "esta semana" or "this week" or "week":
                return Week(today);
            case "proxima semana" or "la proxima semana" or "semana proxima" or "next week":
                return Week(today.AddDays(7));
            case "" or "este mes" or "mes actual" or "this month":
                return Month(today.Year, today.Month);
            case "mes pasado" or "el mes pasado" or "ultimo mes" or "last month":
                var previous = today.AddMonths(-1);
                return Month(previous.Year, previous.Month);
            case "este ano" or "ano" or "this year" or "year to date" or "ytd":
                return Year(today.Year);
        }
        // "2026-10" folds to "2026 10".
        if (YearMonth().Match(phrase) is { Success: true } ym
            && int.Parse(ym.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m
            && int.Parse(ym.Groups[1].Value, CultureInfo.InvariantCulture) is >= MinYear and <= MaxYear and var ymYear)
            return Month(ymYear, m);
        if (words.Length == 1 && words[0].Length == 4 && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear)
            return Year(y);
        var month = MonthNumber(words.ElementAtOrDefault(0));
        if (month is null) return null;
        if (words.Length == 2 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
            return Month(year, month.Value);
        if (words.Length != 1) return null;
        // A month alone is the latest one that has begun (in November, "diciembre" is last December),
        // or for what lies ahead the next one not over yet (this December; "octubre" is next October).
        return upcoming
            ? Month(month.Value >= today.Month ? today.Year : today.Year + 1, month.Value)
            : Month(month.Value <= today.Month ? today.Year : today.Year - 1, month.Value);
    }

    /// <summary>"del 01/11 al 15/11", "2026-11-01 a 2026-11-15", "from 1/11/2026 to 15/11/2026": both days included.</summary>
    private static ReportingPeriod? Range(string text, DateOnly today)
    {
        var dates = DateInText().Matches(text);
        if (dates.Count != 2) return null;
        var from = Date(dates[0].Value, today.Year);
        var to = Date(dates[1].Value, today.Year);
        if (from is null || to is null || to < from || to.Value.DayNumber - from.Value.DayNumber > 366) return null;
        return new ReportingPeriod(from.Value, to.Value, from == to ? "day" : "range");
    }

    /// <summary>A day as people write it: 2026-11-30, 30/11/2026, or 30/11 (in <paramref name="year"/>).</summary>
    /// <param name="monthFirst">the writer's order: "11/30" in English, "30/11" in Spanish.</param>
    public static DateOnly? Date(string text, int year, bool monthFirst = false)
    {
        // A day without a year is the organisation's current year (given, not the machine's: 29/2 and New Year's Eve depend on it).
        var full = text.Count(c => c == '/') == 1 ? text + "/" + year.ToString(CultureInfo.InvariantCulture) : text;
        return DateOnly.TryParseExact(full, ["yyyy-M-d", monthFirst ? "M/d/yyyy" : "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= MinYear and <= MaxYear ? date : null;
    }

    private static int? MonthNumber(string? word)
    {
        if (word is null) return null;
        var es = Array.IndexOf(SpanishMonths, word == "setiembre" ? "septiembre" : word);
        if (es >= 0) return es + 1;
        var en = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, n => n.Length > 0 && n.Equals(word, StringComparison.OrdinalIgnoreCase));
        return en >= 0 ? en + 1 : null;
    }

    /// <summary>"noviembre de 2026", "2026", "lunes, 23 de noviembre de 2026", "23/11/2026 – 29/11/2026", in the reader's culture.</summary>
    public string Describe(CultureInfo culture) => Kind switch
    {
        "year" => From.Year.ToString(CultureInfo.InvariantCulture),
        "day" => From.ToString("D", culture),
        "week" or "range" => From.ToString("d", culture) + " – " + To.ToString("d", culture),
        _ => From.ToString("Y", culture),
    };

    [GeneratedRegex(@"^(\d{4}) (\d{1,2})$", RegexOptions.NonBacktracking)]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{4})?)\b", RegexOptions.NonBacktracking)]
    private static partial Regex DateInText();
}
