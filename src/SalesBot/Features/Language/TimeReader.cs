using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesBot.Features.Language;

/// <summary>The clock time a message states, and the length it states (never a default one).</summary>
public sealed record TimeReading(TimeOnly? Time, int? DurationMinutes);

/// <summary>
/// Clock times ("a las 3", "2:30 pm", "un cuarto para las 5", "from 2 to 3pm") and stated lengths
/// ("hora y media", "45 minutes"), read as docs/NLU.md "Times" and "Durations" prescribe. A number
/// is only a time when something says so: a word that introduces an hour ("a las", "at", "tipo"),
/// a marker (am, pm, h, "de la tarde", "en punto") or the H:MM shape. Otherwise "12 puestos",
/// "$85MM" and "3/12" would all be read as hours.
/// </summary>
public static partial class TimeReader
{
    private enum Half { None, Am, Pm, Night }

    private sealed record Clock(int Hour, int Minute, Half Half, bool Marked, bool TwentyFour, int End);

    private static readonly Dictionary<string, int> MinuteWords = new(StringComparer.Ordinal)
    {
        ["media"] = 30,
        ["cuarto"] = 15,
        ["cinco"] = 5,
        ["diez"] = 10,
        ["quince"] = 15,
        ["veinte"] = 20,
        ["veinticinco"] = 25,
        ["treinta"] = 30,
        ["cuarenta"] = 40,
        ["cincuenta"] = 50,
        ["half"] = 30,
        ["quarter"] = 15,
        ["five"] = 5,
        ["ten"] = 10,
        ["twenty"] = 20,
        ["fifteen"] = 15,
        ["thirty"] = 30,
    };

    // Counts of hours or minutes in a stated length.
    // Counts of minutes or hours beyond the small numbers every reader knows: "cuarenta minutos", "noventa minutos".
    private static readonly Dictionary<string, int> LargerCounts = new(StringComparer.Ordinal)
    {
        ["thirty"] = 30,
        ["cuarenta"] = 40,
        ["forty"] = 40,
        ["noventa"] = 90,
        ["ninety"] = 90,
    };

    // Words after a number that make it a count of something else: "las 3 sucursales", "at 3 of them".
    private static readonly HashSet<string> NotTimeUnits =
    [
        "puestos", "puesto", "agentes", "agente", "seats", "seat", "sucursales", "sedes", "personas", "people", "dias", "dia", "days", "day",
        "semanas", "semana", "weeks", "week", "meses", "mes", "months", "month", "anos", "ano", "years", "year", "millones", "millon", "mil",
        "k", "m", "mm", "pesos", "dolares", "dollars", "usd", "cop", "bs", "bolivianos", "of", "locations", "branches", "units", "unidades",
        "licencias", "licenses", "usuarios", "users", "veces", "times", "%", "porciento", "point", "stage", "moment",
    ];

    // After "las dos" or "at three" only these may follow for it to be an hour; "las dos empresas" is a count.
    private static readonly HashSet<string> WordHourFollowers =
    [
        "y", "menos", "en", "de", "del", "con", "para", "por", "a", "al", "o", "hasta", "el", "la", "hoy", "manana", "pasado", "que", "pero", "porque",
        "am", "pm", "a.m", "p.m", "p", "on", "for", "with", "and", "at", "in", "tomorrow", "today", "tonight", "oclock", "o'clock", "sharp", "please",
        "porfa", "pls", "h", "hs", "hrs", "horas", "tipo", "mas", "then", "to", "until",
    ];

    // Words before a bare "las" that make it an hour's article ("a eso de las 10", "tipo las 3", "hacia las 4").
    private static readonly HashSet<string> HourArticleLeads =
        ["a", "tipo", "de", "como", "para", "hacia", "sobre", "desde", "hasta", "antes", "despues", "entre"];

    private static readonly HashSet<string> Months =
    [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
    ];

    // Before "2 hrs" or "1h" these make it a length ("por 2 hrs", "for 1h"), not the hour.
    private static readonly HashSet<string> LengthIntros = ["por", "durante", "for", "de", "dura", "duracion", "unas", "unos", "like", "approx"];

    // Before a length these make it a moment instead ("en una hora", "hace dos horas", "in an hour").
    private static readonly HashSet<string> NotLengthBefore = ["en", "in", "hace", "within", "dentro"];

    private static readonly HashSet<string> NotLengthAfter = ["ago", "antes", "despues", "before", "after", "later", "mas", "tarde"];

    public static TimeReading Read(string text, ReadingContext context)
    {
        if (string.IsNullOrWhiteSpace(text)) return new TimeReading(null, null);
        var t = Tokens(LanguageText.Simplify(text));
        for (var i = 0; i < t.Length; i++)
        {
            if (Range(t, i) is var (start, length, rangeEnd)) return new TimeReading(start, length ?? Length(t, i, rangeEnd));
            if (Single(t, i) is var (time, end)) return new TimeReading(time, Length(t, i, end));
        }
        return new TimeReading(null, Length(t, 0, 0));
    }

    private static string[] Tokens(string simplified) =>
        simplified.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '\'', '/'))
            .Where(w => w.Length > 0)
            .ToArray();

    // "de 10 a 11:30", "from 2 to 3pm", "entre las 2 y las 4", "10-11am", "9:00-10:30".
    private static (TimeOnly Start, int? Length, int End)? Range(string[] t, int i)
    {
        Clock? a, b;
        var dash = DashRange().Match(t[i]);
        if (dash.Success)
        {
            a = Token(dash.Groups[1].Value, i, dotted: false);
            b = Token(dash.Groups[2].Value, i, dotted: false);
            if (a is null || b is null) return null;
            b = Modifiers(t, b, i + 1, allowNumericMinutes: false);
        }
        else
        {
            if (t[i] is not ("de" or "desde" or "from" or "entre" or "between")) return null;
            var between = t[i] is "entre" or "between";
            var j = SkipArticle(t, i + 1);
            if (j >= t.Length || (a = Token(t[j], j, dotted: true) ?? WordHour(t[j], j)) is null) return null;
            a = Modifiers(t, a, j + 1, allowNumericMinutes: !between);
            var k = a.End;
            if (k >= t.Length || !(between ? t[k] is "y" or "and" : t[k] is "a" or "al" or "hasta" or "to" or "until" or "till" or "-")) return null;
            k = SkipArticle(t, k + 1);
            if (k >= t.Length || (b = Token(t[k], k, dotted: true) ?? WordHour(t[k], k)) is null) return null;
            // "de 2 a 3 horas" is a length; "de 14 a 16 horas" is the clock.
            if (!b.TwentyFour && k + 1 < t.Length && t[k + 1] is "horas" or "hours" or "minutos" or "minutes" or "min" or "h" or "hrs") return null;
            b = Modifiers(t, b, k + 1, allowNumericMinutes: true);
        }
        if (b.End < t.Length && (NotTimeUnits.Contains(t[b.End]) || FollowedByMonth(t, b.End)))
            return null;
        // Two bare numbers ("de 10 a 20") are a range of anything; a clock range stays within the clock face.
        if (!a.Marked && !b.Marked && (a.Hour > 12 || b.Hour > 12)) return null;

        if (a.Half == Half.None && !a.TwentyFour && b.Half != Half.None)
        {
            var shared = a with { Half = b.Half };
            a = Minutes(shared) <= Minutes(b) ? shared : a with { Half = Half.Am };
        }
        var start = Minutes(a);
        var end = Minutes(b);
        if (start is null || end is null) return null;
        if (end <= start && b.Half == Half.None && !b.TwentyFour && end + 720 < 1440) end += 720;
        var length = end - start;
        return (ToTime(start.Value), length is > 0 and <= 720 ? length : null, b.End);
    }

    private static (TimeOnly Time, int End)? Single(string[] t, int i)
    {
        var w = t[i];
        if (w is "mediodia" or "noon" or "midday") return (new TimeOnly(12, 0), i + 1);
        if (Is(t, i, "medio", "dia")) return (new TimeOnly(12, 0), i + 2);
        if (w is "medianoche" or "midnight") return (new TimeOnly(0, 0), i + 1);

        if (Before(t, i) is { } before) return before;

        // An introduced hour: "a las 3", "a la 1", "at 9", "tipo 2", "a eso de las 10".
        var at = -1;
        if (w is "las" or "at" or "around" or "by" or "tipo" or "arround") at = w == "tipo" ? SkipArticle(t, i + 1) : i + 1;
        else if (w is "la" && i + 1 < t.Length && t[i + 1] is "una" or "1") at = i + 1;
        if (at >= 0 && at < t.Length)
        {
            var word = WordHour(t[at], at);
            var clock = Token(t[at], at, dotted: true) ?? word;
            if (clock is not null)
            {
                clock = Modifiers(t, clock, at + 1, allowNumericMinutes: true);
                if (clock.End < t.Length && (NotTimeUnits.Contains(t[clock.End]) || FollowedByMonth(t, clock.End))) return null;
                if (word is not null && clock.End < t.Length && !WordHourFollowers.Contains(t[clock.End])) return null;
                // "las 3 propuestas" counts things; "a las 3", "tipo las 3" or "las 3 pm" names the hour.
                var led = i > 0 && HourArticleLeads.Contains(t[i - 1]);
                if (w is "las" or "la" && !led && !clock.Marked && clock.Half == Half.None && clock.End < t.Length && !WordHourFollowers.Contains(t[clock.End]))
                    return null;
                if (w is "by" && !clock.Marked && clock.Half == Half.None) return null;
                return Minutes(clock) is { } m ? (ToTime(m), clock.End) : null;
            }
            return null;
        }

        // A number marked as an hour: "10am", "15:30", "2:30 pm", "9 en punto", "3 de la tarde".
        var bare = Token(w, i, dotted: false);
        if (bare is null) return null;
        var read = Modifiers(t, bare, i + 1, allowNumericMinutes: false);
        var unitAfter = i + 1 < t.Length && t[i + 1] is "h" or "hr" or "hrs" or "hs";
        // "y media" alone does not make a number an hour ("1 y media"); a marker does.
        var marked = bare.Marked || unitAfter || read.Half != Half.None || Is(t, i + 1, "en", "punto") || i + 1 < t.Length && t[i + 1] is "oclock" or "o'clock";
        if (!marked) return null;
        var lengthLike = (unitAfter || HourUnit().IsMatch(w)) && i > 0 && LengthIntros.Contains(t[i - 1]);
        if (lengthLike || read.End < t.Length && NotTimeUnits.Contains(t[read.End])) return null;
        return Minutes(read) is { } minutes ? (ToTime(minutes), read.End) : null;
    }

    // Minutes before the hour: "un cuarto para las 5", "diez para las 5", "quarter to 5", and past it: "half past 8".
    private static (TimeOnly Time, int End)? Before(string[] t, int i)
    {
        var j = t[i] is "un" or "a" ? i + 1 : i;
        if (j >= t.Length || !(MinuteWords.TryGetValue(t[j], out var minutes) || int.TryParse(t[j], NumberStyles.None, CultureInfo.InvariantCulture, out minutes)))
            return null;
        if (minutes is <= 0 or >= 60 || t[j] is "media") return null;
        if (j + 1 >= t.Length) return null;
        var sign = t[j + 1] switch { "para" => -1, "to" or "til" or "till" => -1, "past" or "after" => 1, _ => 0 };
        if (sign == 0 || sign == 1 && t[j] == "cuarto" || sign == -1 && t[j] == "half") return null;
        // "10 to 11am" is a range, so English counts minutes in words only: "ten to five", "quarter past 4".
        if (t[j + 1] != "para" && t[j].All(char.IsAsciiDigit)) return null;
        var k = SkipArticle(t, j + 2);
        if (k >= t.Length) return null;
        var clock = Token(t[k], k, dotted: false) ?? WordHour(t[k], k);
        if (clock is null || clock.Minute != 0 || clock.Hour > 12) return null;
        // Only the English forms may lack "las": "quarter to 5"; "diez para 5" is too loose otherwise.
        if (t[j + 1] == "para" && k == j + 2) return null;
        clock = Modifiers(t, clock, k + 1, allowNumericMinutes: false);
        if (clock.End < t.Length && NotTimeUnits.Contains(t[clock.End])) return null;
        return Minutes(clock with { Minute = sign * minutes }) is { } m ? (ToTime(m), clock.End) : null;
    }

    private static Clock? Token(string word, int index, bool dotted)
    {
        var match = ClockToken().Match(word);
        if (!match.Success)
        {
            if (!dotted) return null;
            match = DottedClock().Match(word);
            if (!match.Success) return null;
        }
        var hour = Num(match.Groups[1].Value);
        var minute = match.Groups[2].Success ? Num(match.Groups[2].Value) : 0;
        var suffix = match.Groups[3].Value;
        var half = suffix.StartsWith('a') ? Half.Am : suffix.StartsWith('p') ? Half.Pm : Half.None;
        if (hour > 23 || minute > 59 || half != Half.None && hour is 0 or > 12) return null;
        var twentyFour = hour > 12 || hour == 0 || match.Groups[1].Value.Length == 2 && match.Groups[1].Value[0] == '0';
        return new Clock(hour, minute, half, match.Groups[2].Success || suffix.Length > 0, twentyFour, index + 1);
    }

    private static Clock? WordHour(string word, int index) =>
        Lexicon.Hour(word) is { } hour ? new Clock(hour, 0, Half.None, false, false, index + 1) : null;

    // What follows the hour: "y media", "menos cuarto", "en punto", "pm", "de la tarde", "in the morning".
    private static Clock Modifiers(string[] t, Clock clock, int j, bool allowNumericMinutes)
    {
        if (j < t.Length && t[j] is "y" or "con" && j + 1 < t.Length && clock.Minute == 0)
        {
            if (MinuteWords.TryGetValue(t[j + 1], out var m) && t[j + 1] is not ("half" or "quarter"))
            {
                // "hora y media" belongs to the length that follows, not to this hour: "a las 3, hora y media".
                var k = j + 2;
                if (t[j + 1] is "cuarenta" && Is(t, k, "y", "cinco")) (m, k) = (45, k + 2);
                if (!(k < t.Length && t[k] is "hora" or "horas"))
                    (clock, j) = (clock with { Minute = m, Marked = true }, k);
            }
            else if (allowNumericMinutes && int.TryParse(t[j + 1], NumberStyles.None, CultureInfo.InvariantCulture, out m) && m is > 0 and < 60
                     && !(j + 2 < t.Length && (NotTimeUnits.Contains(t[j + 2]) || t[j + 2] is "horas" or "hora")))
                (clock, j) = (clock with { Minute = m, Marked = true }, j + 2);
        }
        else if (Is(t, j, "menos", "cuarto") && clock.Minute == 0) (clock, j) = (clock with { Minute = -15, Marked = true }, j + 2);
        else if (j + 1 < t.Length && t[j] == "menos" && MinuteWords.TryGetValue(t[j + 1], out var less) && clock.Minute == 0)
            (clock, j) = (clock with { Minute = -less, Marked = true }, j + 2);

        if (Is(t, j, "en", "punto")) (clock, j) = (clock with { Marked = true }, j + 2);
        else if (j < t.Length && t[j] is "oclock" or "o'clock") (clock, j) = (clock with { Marked = true }, j + 1);
        else if (j < t.Length && t[j] is "h" or "hs" or "hrs" or "hr" or "horas") (clock, j) = (clock with { Marked = true }, j + 1);

        if (clock.Half == Half.None && !clock.TwentyFour)
        {
            var half = Half.None;
            var k = j;
            if (j < t.Length && t[j] is "am" or "a.m") (half, k) = (Half.Am, j + 1);
            else if (j < t.Length && t[j] is "pm" or "p.m") (half, k) = (Half.Pm, j + 1);
            else if (Is(t, j, "a", "m")) (half, k) = (Half.Am, j + 2);
            else if (Is(t, j, "p", "m")) (half, k) = (Half.Pm, j + 2);
            else if (PartOfDay(t, j) is var (part, next)) (half, k) = (part, next);
            if (half != Half.None) (clock, j) = (clock with { Half = half }, k);
        }
        return clock with { End = j };
    }

    // "de la tarde", "en la mañana", "in the morning", "at night", "esta noche", "tonight".
    private static (Half Half, int Next)? PartOfDay(string[] t, int j)
    {
        if (j < t.Length && t[j] == "tonight") return (Half.Night, j + 1);
        var k = j;
        while (k < t.Length && k < j + 2 && t[k] is "de" or "del" or "en" or "por" or "in" or "at") k++;
        if (k < t.Length && t[k] is "la" or "the" or "esta" or "this") k++;
        if (k == j || k >= t.Length) return null;
        Half? half = t[k] switch
        {
            "manana" or "madrugada" or "morning" => Half.Am,
            "tarde" or "afternoon" or "evening" => Half.Pm,
            "noche" or "night" => Half.Night,
            _ => null,
        };
        return half is { } h ? (h, k + 1) : null;
    }

    private static int? Minutes(Clock c)
    {
        var hour = c.Half switch
        {
            Half.Am => c.Hour == 12 ? 0 : c.Hour,
            Half.Pm => c.Hour < 12 ? c.Hour + 12 : c.Hour,
            Half.Night => c.Hour == 12 ? 0 : c.Hour is >= 5 and < 12 ? c.Hour + 12 : c.Hour,
            // The business-hours rule: nobody books a visit at 3 in the morning.
            _ when c.TwentyFour => c.Hour,
            _ => c.Hour is >= 1 and <= 6 ? c.Hour + 12 : c.Hour,
        };
        var total = hour * 60 + c.Minute;
        return total is >= 0 and < 1440 ? total : null;
    }

    private static TimeOnly ToTime(int minutes) => new(minutes / 60, minutes % 60);

    // The stated length: "hora y media", "dos horas", "45 minutos", "for an hour", "half an hour".
    // Words from timeStart to timeEnd are the clock time already read: "a las 3, hora y media" is one hour and a half, not three.
    private static int? Length(string[] t, int timeStart, int timeEnd)
    {
        for (var i = 0; i < t.Length; i++)
        {
            if (i >= timeStart && i < timeEnd) continue;
            var (minutes, start, end) = LengthAt(t, i, timeEnd);
            if (minutes is not { } m) continue;
            var before = start > 0 ? t[start - 1] : "";
            if (NotLengthBefore.Contains(before) || start > 1 && t[start - 2] == "dentro") continue;
            // "de 2 a 3 horas", "2 o 3 horas": a guess, not a stated length; "a 2 horas de aquí" is a distance.
            if (before is "a" or "o" or "to" or "or" or "u") continue;
            if (end < t.Length && NotLengthAfter.Contains(t[end])) continue;
            if (m is > 0 and <= 16 * 60) return m;
        }
        return null;
    }

    private static (int? Minutes, int Start, int End) LengthAt(string[] t, int i, int timeEnd)
    {
        var w = t[i];
        if (Is(t, i, "media", "hora") || Is(t, i, "half", "an", "hour") || Is(t, i, "half", "hour") || w == "half-hour")
            return (30, i, i + (w == "half-hour" ? 1 : Is(t, i, "half", "an") ? 3 : 2));
        if (Is(t, i, "un", "cuarto", "de", "hora") || Is(t, i, "a", "quarter", "of", "an", "hour"))
            return (15, i, i + (w == "un" ? 4 : 5));
        if (Is(t, i, "tres", "cuartos", "de", "hora")) return (45, i, i + 4);
        if (Is(t, i, "un", "par", "de", "horas") || Is(t, i, "a", "couple", "of", "hours") || Is(t, i, "a", "couple", "hours"))
            return (120, i, i + (t[i + 2] == "of" || w == "un" ? 4 : 3));

        // "hora y media" with no count is one hour: "a las 3, hora y media".
        if (w is "hora" or "hour" && (i == 0 || i == timeEnd || Count(t[i - 1]) is null))
        {
            var (extra, end) = Fraction(t, i + 1);
            return extra > 0 ? (60 + extra, i, end) : (null, i, i + 1);
        }

        if (HourUnit().Match(w) is { Success: true } h && i > 0 && LengthIntros.Contains(t[i - 1]))
            return (Num(h.Groups[1].Value) * 60, i, i + 1);
        if (Count(w) is not { } n || i + 1 >= t.Length) return (null, i, i + 1);
        var unitAt = i + 1;
        if (w == "cuarenta" && Is(t, i + 1, "y", "cinco")) (n, unitAt) = (45, i + 3);
        if (unitAt >= t.Length) return (null, i, i + 1);
        var unit = t[unitAt];
        if (unit is "hora" or "horas" or "hour" or "hours" or "hrs" or "hr" or "h")
        {
            // "1 hr"/"2h" are also hours of the clock; only a word that introduces a length makes them one.
            if (unit is "hrs" or "hr" or "h" && !(i > 0 && LengthIntros.Contains(t[i - 1]))) return (null, i, i + 1);
            var (extra, end) = Fraction(t, unitAt + 1);
            return (n == -1 ? 90 : n * 60 + extra, i, end);
        }
        if (n > 0 && Is(t, i + 1, "and", "a", "half") && i + 4 < t.Length && t[i + 4] is "hours" or "hour") return (n * 60 + 30, i, i + 5);
        if (unit is "minutos" or "minuto" or "min" or "mins" or "minutes" or "minute" or "minutitos" && n > 0) return (n, i, unitAt + 1);
        return (null, i, i + 1);
    }

    // "y media", "y cuarto", "and a half", "y 15 minutos".
    private static (int Minutes, int End) Fraction(string[] t, int j)
    {
        if (Is(t, j, "y", "media") || Is(t, j, "and", "a", "half")) return (30, j + (t[j] == "y" ? 2 : 3));
        if (Is(t, j, "y", "cuarto") || Is(t, j, "and", "a", "quarter")) return (15, j + (t[j] == "y" ? 2 : 3));
        if (j + 2 < t.Length && t[j] is "y" or "and" && Count(t[j + 1]) is { } m && m < 60 && t[j + 2] is "minutos" or "min" or "minutes" or "mins")
            return (m, j + 3);
        return (0, j);
    }

    private static int? Count(string word)
    {
        if (Lexicon.Numbers.TryGetValue(word, out var n) || LargerCounts.TryGetValue(word, out n)) return n;
        if (word.Length <= 3 && word.All(char.IsAsciiDigit)) return Num(word);
        // "1,5 horas" and "1.5 hours" are an hour and a half; only halves are read.
        return word is "1,5" or "1.5" ? -1 : null;
    }

    private static int SkipArticle(string[] t, int j)
    {
        if (Is(t, j, "a", "las") || Is(t, j, "a", "la")) return j + 2;
        return j < t.Length && t[j] is "las" or "la" or "the" ? j + 1 : j;
    }

    private static bool FollowedByMonth(string[] t, int j) => Is(t, j, "de") && j + 1 < t.Length && Months.Contains(t[j + 1]);

    private static bool Is(string[] t, int i, params string[] words)
    {
        if (i < 0 || i + words.Length > t.Length) return false;
        for (var j = 0; j < words.Length; j++)
            if (t[i + j] != words[j]) return false;
        return true;
    }

    private static int Num(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // "3", "10am", "2:30pm", "15:30", "15h30", "10h", "9:00hrs".
    [GeneratedRegex(@"^(\d{1,2})(?:[:h](\d{2}))?(am|a\.m|pm|p\.m|h|hs|hrs|hr)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockToken();

    // "9.30" is only a time after "a las" or "at"; elsewhere the dot groups thousands.
    [GeneratedRegex(@"^(\d{1,2})\.(\d{2})()$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedClock();

    [GeneratedRegex(@"^(\d{1,2}(?::\d{2})?)-(\d{1,2}(?::\d{2})?(?:am|pm)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DashRange();

    [GeneratedRegex(@"^(\d{1,2})(?:h|hr|hrs)$", RegexOptions.CultureInvariant)]
    private static partial Regex HourUnit();
}
