using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesBot.Features.Language;

/// <summary>
/// The one calendar day a message states ("mañana", "el viernes pasado", "de hoy en ocho",
/// "Nov 20th", "3/12"), read against the reference time as docs/NLU.md "Dates" prescribes.
/// Parts of the day ("en la mañana") and recurrences ("los lunes", "every Monday") are not days.
/// The first day stated wins; which of several days a caller wants is the caller's business.
/// </summary>
public static partial class DateReader
{
    /// <summary>A weekday named in one simplified word ("miercoles", "thu"), or null.</summary>
    public static DayOfWeek? Weekday(string word) => Weekdays.TryGetValue(word, out var day) ? day : null;

    // Plural forms ("los sábados", "on Fridays") are left out on purpose: they name a recurrence.
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["lunes"] = DayOfWeek.Monday,
        ["martes"] = DayOfWeek.Tuesday,
        ["miercoles"] = DayOfWeek.Wednesday,
        ["jueves"] = DayOfWeek.Thursday,
        ["viernes"] = DayOfWeek.Friday,
        ["sabado"] = DayOfWeek.Saturday,
        ["domingo"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["tue"] = DayOfWeek.Tuesday,
        ["tues"] = DayOfWeek.Tuesday,
        ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday,
        ["thurs"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
    };

    // These short forms are also English words ("I sat with", "the sun", "they wed"), so they only
    // count as days when something around them says so ("on sat", "next mon", "wed 25").
    private static readonly Dictionary<string, DayOfWeek> GuardedWeekdays = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday,
        ["wed"] = DayOfWeek.Wednesday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    };

    // Verbs that put the sentence in the past, as they survive Simplify. Forms that only differ
    // from a present or an imperative by the accent ("llegó"/"llego", "pasé"/"pase") are in AccentedPast.
    private static readonly HashSet<string> PastVerbs =
    [
        "visite", "visitamos", "fui", "fuimos", "fue", "fueron", "estuve", "estuvimos", "estuvo", "estuvieron", "vine", "vinimos", "vino", "vinieron",
        "tuve", "tuvimos", "tuvo", "tuvieron", "hice", "hicimos", "hizo", "hubo", "conoci", "conocimos", "atendi", "atendimos", "almorzamos",
        "sali", "salimos", "dijo", "dijeron", "reunimos", "llegaron", "pasamos", "hablamos", "cerramos", "firmaron", "visitaron", "vimos", "vi",
        "visited", "went", "met", "was", "were", "had", "did", "saw", "spoke", "talked", "called", "came", "attended", "showed", "presented",
        "stopped", "dropped", "visto", "ago",
    ];

    private static readonly HashSet<string> AccentedPast =
    [
        "llegó", "llegué", "visitó", "pasé", "pasó", "hablé", "habló", "llamé", "llamó", "reuní", "quedó", "almorcé", "presenté", "mostré", "cerró",
        "firmó", "entregué", "estuvé",
    ];

    // What makes "mañana" the morning rather than tomorrow: "esta mañana", "en/por/de la mañana", "las mañanas".
    private static readonly HashSet<string> MorningArticles = ["la", "esta", "las", "una", "cada", "toda", "media", "buena", "buenas"];

    private static readonly HashSet<string> Tomorrow = ["manana", "mnana", "maniana", "manan", "tomorrow", "tmrw", "tmr", "tmrrw", "tomorow", "tommorow", "tommorrow", "2morrow", "2moro"];

    private static readonly string[][] NextWeek =
    [
        ["de", "la", "proxima", "semana"], ["de", "la", "semana", "proxima"], ["de", "la", "semana", "entrante"], ["de", "la", "otra", "semana"],
        ["de", "la", "semana", "que", "viene"], ["de", "la", "siguiente", "semana"], ["de", "la", "semana", "siguiente"], ["de", "la", "proxima"],
        ["proxima", "semana"], ["semana", "entrante"], ["de", "next", "week"], ["of", "next", "week"], ["next", "week"],
    ];

    private static readonly string[][] ThisWeek =
        [["de", "esta", "semana"], ["de", "la", "presente", "semana"], ["esta", "semana"], ["of", "this", "week"], ["this", "week"]];

    private static readonly string[][] LastWeek =
    [
        ["de", "la", "semana", "pasada"], ["de", "la", "pasada", "semana"], ["de", "la", "semana", "anterior"], ["semana", "pasada"],
        ["of", "last", "week"], ["last", "week"],
    ];

    // "la próxima semana, el jueves", "next week on Thursday": the week named before the day.
    private static readonly string[][] NextWeekBefore =
    [
        ["proxima", "semana"], ["semana", "entrante"], ["otra", "semana"], ["semana", "que", "viene"], ["siguiente", "semana"], ["semana", "siguiente"],
        ["next", "week"],
    ];

    private static readonly string[][] EndOfMonth =
    [
        ["fin", "de", "mes"], ["fin", "del", "mes"], ["final", "de", "mes"], ["final", "del", "mes"], ["finales", "de", "mes"], ["finales", "del", "mes"],
        ["end", "of", "the", "month"], ["end", "of", "month"], ["month", "end"], ["month-end"], ["fin", "de", "este", "mes"],
    ];

    public static DateOnly? Read(string text, ReadingContext context, bool past)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var tokens = Tokens(LanguageText.Simplify(text));
        var toldPast = past;
        past = past || SaysPast(text, tokens);
        var today = context.Today;
        for (var i = 0; i < tokens.Length; i++)
        {
            var date = At(tokens, i, today, context.English, past, toldPast);
            if (date is not null) return date;
        }
        return null;
    }

    private static string[] Tokens(string simplified) =>
        simplified.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('.', ',', ':', '\'', '-', '/'))
            // "Friday's visit" is Friday's.
            .Select(t => t.EndsWith("'s", StringComparison.Ordinal) ? t[..^2] : t)
            .Where(t => t.Length > 0)
            .ToArray();

    private static bool SaysPast(string text, string[] tokens)
    {
        if (tokens.Any(PastVerbs.Contains) || Has(tokens, "acabo", "de") || Has(tokens, "vengo", "de")) return true;
        foreach (var word in AccentedWords().Split(text.ToLowerInvariant()))
            if (AccentedPast.Contains(word)) return true;
        return false;
    }

    private static DateOnly? At(string[] t, int i, DateOnly today, bool english, bool past, bool toldPast)
    {
        var w = t[i];

        if (Is(t, i, "pasado", "manana") || Is(t, i, "the", "day", "after", "tomorrow") || Is(t, i, "day", "after", "tomorrow"))
            return today.AddDays(2);
        if (Tomorrow.Contains(w))
        {
            if (w is "manana" or "mnana" or "maniana" or "manan" && i > 0 && MorningArticles.Contains(t[i - 1]))
                return t[i - 1] == "esta" ? today : null;
            return today.AddDays(1);
        }
        if (w is "hoy")
        {
            if (Is(t, i + 1, "en", "ocho") || Is(t, i + 1, "en", "8")) return today.AddDays(7);
            if (Is(t, i + 1, "en", "quince") || Is(t, i + 1, "en", "15")) return today.AddDays(14);
            return today;
        }
        if (w is "today" or "tonight" || Is(t, i, "this", "morning") || Is(t, i, "this", "afternoon") || Is(t, i, "this", "evening")
            || Is(t, i, "esta", "tarde") || Is(t, i, "esta", "noche"))
            return today;
        if (w is "ayer" or "yesterday")
            return i > 1 && t[i - 2] == "antes" && t[i - 1] == "de" ? today.AddDays(-2) : today.AddDays(-1);
        if (w is "antier" or "anteayer" or "antayer" || Is(t, i, "antes", "de", "ayer") || Is(t, i, "the", "day", "before", "yesterday")
            || Is(t, i, "day", "before", "yesterday"))
            return today.AddDays(-2);
        if (EndOfMonth.Any(p => Is(t, i, p)))
            return new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));

        if (Weekday(t, i) is { } day) return WeekdayDate(t, i, day, today, past, toldPast);
        if (Relative(t, i, today) is { } relative) return relative;
        if (MonthDay(t, i, today, past) is { } spelled) return spelled;
        return Numeric(t, i, today, english, past);
    }

    private static DayOfWeek? Weekday(string[] t, int i)
    {
        if (Weekdays.TryGetValue(t[i], out var day)) return day;
        if (!GuardedWeekdays.TryGetValue(t[i], out day)) return null;
        var before = i > 0 ? t[i - 1] : "";
        var after = i + 1 < t.Length ? t[i + 1] : "";
        return before is "on" or "next" or "this" or "last" or "by" or "until" or "for" || DayNumber(after) is not null ? day : null;
    }

    private static DateOnly? WeekdayDate(string[] t, int i, DayOfWeek day, DateOnly today, bool past, bool toldPast)
    {
        var before = i > 0 ? t[i - 1] : "";
        if (before is "los" or "las" or "cada" or "every" or "todos") return null;

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var inWeek = monday.AddDays(((int)day + 6) % 7);
        var next = Following(today, day);
        var previous = Preceding(today, day);

        // A day number beside the weekday is the stronger statement, when the two agree.
        if (i + 1 < t.Length && DayNumber(t[i + 1]) is { } number)
        {
            if (MonthDay(t, i + 1, today, past) is { } spelled) return spelled;
            foreach (var offset in past ? new[] { 0, -1 } : [0, 1])
            {
                var month = new DateOnly(today.Year, today.Month, 1).AddMonths(offset);
                if (number > DateTime.DaysInMonth(month.Year, month.Month)) continue;
                var candidate = new DateOnly(month.Year, month.Month, number);
                if (candidate.DayOfWeek == day) return candidate;
            }
        }

        if (NextWeek.Any(p => Is(t, i + 1, p))) return inWeek.AddDays(7);
        if (LastWeek.Any(p => Is(t, i + 1, p))) return inWeek.AddDays(-7);
        if (ThisWeek.Any(p => Is(t, i + 1, p))) return inWeek;
        if (Is(t, i + 1, "pasado") || before is "pasado" or "last" or "past") return previous;
        if (Is(t, i + 1, "en", "ocho") || Is(t, i + 1, "en", "8")) return next.AddDays(7);
        if (Is(t, i + 1, "que", "viene") || Is(t, i + 1, "proximo") || Is(t, i + 1, "entrante") || Is(t, i + 1, "siguiente")
            || before is "proximo" or "proxima" or "next" or "coming")
            return next;
        if (before is "este" or "esta" or "this") return inWeek;
        var from = before is "el" or "on" ? i - 2 : i - 1;
        if (NextWeekBefore.Any(p => Ends(t, from, p))) return inWeek.AddDays(7);
        // Where something is moved to lies ahead even in a past-tense sentence: "se pasó para el viernes", "was moved to Friday".
        var ahead = before is "to" or "until" or "till" or "for" || before is "el" && i > 1 && t[i - 2] is "para" or "hasta";
        return past && !(ahead && !toldPast) ? previous : next;
    }

    private static DateOnly Following(DateOnly today, DayOfWeek day)
    {
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static DateOnly Preceding(DateOnly today, DayOfWeek day)
    {
        var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
        return today.AddDays(back == 0 ? -7 : -back);
    }

    // "en dos semanas", "in 3 days", "dentro de ocho días", "hace una semana", "two weeks ago".
    private static DateOnly? Relative(string[] t, int i, DateOnly today)
    {
        var sign = 1;
        int at;
        if (t[i] is "en" or "in") at = i + 1;
        else if (Is(t, i, "dentro", "de")) at = i + 2;
        else if (t[i] is "hace") (at, sign) = (i + 1, -1);
        else if (i + 2 < t.Length && t[i + 2] == "ago") (at, sign) = (i, -1);
        else return null;
        if (at + 1 >= t.Length || Count(t[at]) is not { } n || n <= 0) return null;
        var unit = t[at + 1];
        int days;
        if (unit is "semana" or "semanas" or "week" or "weeks") days = 7 * n;
        else if (unit is "dia" or "dias" or "day" or "days") days = n switch { 8 => 7, 15 => 14, _ => n };
        else return null;
        return days > 3660 ? null : today.AddDays(sign * days);
    }

    // "el 2 de diciembre", "1ro de diciembre", "November 20", "Nov 20th, 2026", "20 nov".
    private static DateOnly? MonthDay(string[] t, int i, DateOnly today, bool past)
    {
        int day, month, next;
        if (DayNumber(t[i]) is { } d)
        {
            var m = i + 1;
            if (m < t.Length && t[m] is "de" or "of") m++;
            if (m >= t.Length || !Lexicon.MonthsAfterADay.TryGetValue(t[m], out month)) return null;
            day = d;
            next = m + 1;
        }
        else if (Lexicon.Months.TryGetValue(t[i], out month))
        {
            var n = i + 1;
            if (n < t.Length && t[n] is "the") n++;
            if (n >= t.Length || DayNumber(t[n]) is not { } d2) return null;
            day = d2;
            next = n + 1;
        }
        else return null;

        int? year = null;
        if (next < t.Length && t[next] is "de" or "del" && next + 1 < t.Length && IsYear(t[next + 1])) year = int.Parse(t[next + 1], CultureInfo.InvariantCulture);
        else if (next < t.Length && IsYear(t[next])) year = int.Parse(t[next], CultureInfo.InvariantCulture);
        return Resolve(year, month, day, today, past);
    }

    // "3/12", "12/3/2026", "2026-12-03", "03.12.2026".
    private static DateOnly? Numeric(string[] t, int i, DateOnly today, bool english, bool past)
    {
        var w = t[i];
        var iso = IsoDate().Match(w);
        if (iso.Success)
            return Resolve(Num(iso.Groups[1].Value), Num(iso.Groups[2].Value), Num(iso.Groups[3].Value), today, past);
        var slash = SlashDate().Match(w);
        if (!slash.Success)
        {
            slash = DottedDate().Match(w);
            if (!slash.Success) return null;
        }
        // "1/2 hora" is half an hour, not a day.
        if (i + 1 < t.Length && t[i + 1] is "hora" or "horas" or "hour" or "hours" or "kilo" or "kg" or "litro") return null;
        var a = Num(slash.Groups[1].Value);
        var b = Num(slash.Groups[2].Value);
        int? year = slash.Groups[3].Success ? Num(slash.Groups[3].Value) : null;
        if (year is < 100) year += 2000;
        return english ? Resolve(year, a, b, today, past) : Resolve(year, b, a, today, past);
    }

    private static DateOnly? Resolve(int? year, int month, int day, DateOnly today, bool past)
    {
        if (month is < 1 or > 12 || day < 1) return null;
        if (year is { } y)
            return y is >= 1900 and <= 2200 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        if (day > DateTime.DaysInMonth(today.Year, month) && !(month == 2 && day == 29)) return null;
        // Without a year: the past one in a past sentence, otherwise the next one on or after today.
        for (var k = 0; k <= 8; k++)
        {
            var candidateYear = today.Year + (past ? -k : k);
            if (day > DateTime.DaysInMonth(candidateYear, month)) continue;
            var candidate = new DateOnly(candidateYear, month, day);
            if (past ? candidate <= today : candidate >= today) return candidate;
        }
        return null;
    }

    private static int? DayNumber(string word)
    {
        var match = DayToken().Match(word);
        if (match.Success)
        {
            var n = Num(match.Groups[1].Value);
            return n is >= 1 and <= 31 ? n : null;
        }
        return word is "primero" or "first" ? 1 : null;
    }

    private static int? Count(string word) =>
        Lexicon.Numbers.TryGetValue(word, out var n) ? n : word.Length <= 4 && word.All(char.IsAsciiDigit) ? Num(word) : null;

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsAsciiDigit) && word[0] is '1' or '2';

    private static int Num(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool Is(string[] t, int i, params string[] words)
    {
        if (i < 0 || i + words.Length > t.Length) return false;
        for (var j = 0; j < words.Length; j++)
            if (t[i + j] != words[j]) return false;
        return true;
    }

    // True when the words end at index `last` (inclusive).
    private static bool Ends(string[] t, int last, string[] words) => Is(t, last - words.Length + 1, words);

    private static bool Has(string[] t, params string[] words)
    {
        for (var i = 0; i + words.Length <= t.Length; i++)
            if (Is(t, i, words)) return true;
        return false;
    }

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();

    // Dots also group thousands ("1.500"), so only a full date with a four-digit year is a date.
    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"^(\d{1,2})(?:ro|ero|er|o|º|ª|st|nd|rd|th)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayToken();

    [GeneratedRegex(@"[^\p{L}]+", RegexOptions.CultureInvariant)]
    private static partial Regex AccentedWords();
}
