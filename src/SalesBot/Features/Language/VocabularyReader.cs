using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesBot.Features.Language;

/// <summary>
/// The closed vocabularies of the contract (stage, indicator, period, scope, PQR type) and the
/// filing number, read from one message. Each answers with the spec's code, or null when the text
/// does not name one: the caller decides whether the word found matters for the intent.
/// </summary>
public static partial class VocabularyReader
{
    /// <summary>
    /// A phrase of words in order. "a|b" is either word, "word?" may be absent, "pref*" is a
    /// prefix. Words of nine letters or more also match with one typo ("negociacoin"), through
    /// <see cref="Cues.Matches"/>; shorter ones must be exact, or "pedido" would read as "perdido".
    /// </summary>
    private sealed class Phrase
    {
        private readonly (string[] Words, bool Optional)[] _parts;

        public Phrase(string pattern)
        {
            _parts = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => (p.TrimEnd('?').Split('|'), p.EndsWith('?')))
                .ToArray();
        }

        /// <summary>Where the phrase ends when it starts at <paramref name="start"/>, or -1.</summary>
        public int EndAt(string[] words, int start) => EndAt(words, start, 0);

        private int EndAt(string[] words, int i, int part)
        {
            if (part == _parts.Length) return i;
            var (alternatives, optional) = _parts[part];
            if (i < words.Length && alternatives.Any(a => Same(words[i], a)))
            {
                var end = EndAt(words, i + 1, part + 1);
                if (end >= 0) return end;
            }
            return optional ? EndAt(words, i, part + 1) : -1;
        }

        public int IndexIn(string[] words, out int end)
        {
            for (var i = 0; i < words.Length; i++)
            {
                end = EndAt(words, i);
                if (end > i) return i;
            }
            end = -1;
            return -1;
        }

        private static bool Same(string word, string cue) =>
            cue.EndsWith('*') || cue.Length >= 9 ? Cues.Matches(word, cue) : word == cue;
    }

    private sealed record Entry(Phrase Phrase, string Code);

    private static Entry[] Table(params (string Pattern, string Code)[] rows) =>
        rows.Select(r => new Entry(new Phrase(r.Pattern), r.Code)).ToArray();

    /// <summary>
    /// Words of the simplified text. Hyphens and slashes split words ("non-regulated") but not
    /// numbers ("2026-11", "3/12"), which the period reader needs whole.
    /// </summary>
    private static string[] Words(string text) =>
        LanguageText.Simplify(text ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => w.Any(char.IsDigit) ? [w] : w.Split('-', '/'))
            .Select(w => w.Trim('.', ',', ':', '\'', '-', '/'))
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w)
            .Where(w => w.Length > 0)
            .ToArray();

    // ---------------------------------------------------------------- stages

    private static readonly Entry[] Stages = Table(
        ("hunting|prospeccion|prospecting", "hunting"),
        ("calificacion|calificado|calificada|qualification|qualified|qualifying", "qualification"),
        ("propuesta|propuestas|proposal|proposals", "proposal"),
        ("negociacion|negociaciones|negotiation|negotiations|negotiating", "negotiation"),
        ("ganada|ganado|ganadas|ganados|ganamos|gane|ganaron|won|win", "won"),
        ("perdida|perdido|perdidas|perdidos|perdimos|perdi|perdieron|lost|lose", "lost"));

    private static readonly HashSet<string> StageVerbs = ["ganamos", "gane", "ganaron", "won", "win", "perdimos", "perdi", "perdieron", "lost", "lose"];

    private static readonly HashSet<string> TowardWords = ["a", "al", "to", "into", "en", "hacia", "in"];

    /// <summary>
    /// With several stage words, the one the deal goes to ("de propuesta a negociación") wins,
    /// then a verb that states the outcome ("ganamos la propuesta"), then the last one named.
    /// </summary>
    public static string? Stage(string text)
    {
        var words = Words(text);
        var found = new List<(int Index, string Code, bool Verb)>();
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var entry in Stages)
            {
                if (entry.Phrase.EndAt(words, i) <= i) continue;
                found.Add((i, entry.Code, StageVerbs.Contains(words[i])));
                break;
            }
        }
        if (found.Count == 0) return null;
        var toward = found.LastOrDefault(f => f.Index > 0 && TowardWords.Contains(words[f.Index - 1]) && !f.Verb);
        if (toward.Code is not null) return toward.Code;
        var verb = found.FirstOrDefault(f => f.Verb);
        return verb.Code ?? found[^1].Code;
    }

    // ---------------------------------------------------------------- indicators

    // Order matters: "no regulado" must be seen before "regulado".
    private static readonly Entry[] Indicators = Table(
        ("no regulado|regulada|regulados|reguladas", "budget_execution_non_regulated"),
        ("non|un regulated", "budget_execution_non_regulated"),
        ("nonregulated|unregulated", "budget_execution_non_regulated"),
        ("vendido|ventas contra el? presupuesto", "budget_execution_non_regulated"),
        ("mercado regulado", "budget_execution_regulated"),
        ("regulado|regulada|regulados|reguladas|regulated", "budget_execution_regulated"),
        ("usuarios? vinculados? contra la? meta", "budget_execution_regulated"),
        ("crecimiento de|en|del? la? facturacion", "billing_growth"),
        ("billing growth", "billing_growth"),
        ("growth in|of billing", "billing_growth"),
        ("conversion|conversiones", "conversion"),
        ("cumplimiento de|en|del? las? visitas", "visit_compliance"),
        ("visit|visits compliance", "visit_compliance"),
        ("oportunidad de|en la? respuesta", "pqr_timeliness"),
        ("pqr|pqrs timeliness", "pqr_timeliness"),
        ("timeliness", "pqr_timeliness"),
        ("indicador|indicadores|indicator|kpi de|del? las? pqr|pqrs", "pqr_timeliness"),
        ("pqr|pqrs a tiempo", "pqr_timeliness"),
        ("desvinculaciones|desvinculacion|churn", "churn"),
        ("retiros|retiro de|del? los? clientes", "churn"),
        ("clientes retirados", "churn"));

    public static string? Indicator(string text)
    {
        var words = Words(text);
        return Indicators.FirstOrDefault(e => e.Phrase.IndexIn(words, out _) >= 0)?.Code;
    }

    // ---------------------------------------------------------------- scope

    private static readonly Phrase[] WholeCompany =
        [new("toda|todo la|el? empresa|compania|organizacion|org"), new("whole|entire the? company|organization|org"), new("company wide"), new("companywide")];

    private static readonly Phrase[] Team = [new("equipo"), new("team")];

    private static readonly Phrase[] Company = [new("la empresa"), new("company"), new("compania"), new("organizacion"), new("organization")];

    private static readonly HashSet<string> Mine = ["mi", "mis", "my", "mine", "yo", "mio", "mia", "mios", "mias"];

    // "a mi coordinador", "to my manager": a person the message goes to, not whose data to show.
    private static readonly HashSet<string> Roles =
    [
        "coordinador", "coordinadora", "jefe", "jefa", "gerente", "manager", "boss", "director", "directora", "supervisor", "supervisora",
        "coordinator", "lider", "lead", "leader", "superior", "asistente", "assistant", "colega", "companero", "companera", "colleague", "vp",
        "correo", "email", "mail", "celular", "whatsapp", "inbox", "phone",
    ];

    public static string? Scope(string text)
    {
        var words = Words(text);
        if (WholeCompany.Any(p => p.IndexIn(words, out _) >= 0)) return "company";
        for (var i = 0; i < words.Length; i++)
        {
            // Microsoft Teams, the channel, is not the sales team.
            if (Team.Any(p => p.EndAt(words, i) > i) && !(i > 0 && words[i - 1] == "microsoft")) return "team";
        }
        if (Company.Any(p => p.IndexIn(words, out _) >= 0)) return "company";
        for (var i = 0; i < words.Length; i++)
        {
            if (!Mine.Contains(words[i])) continue;
            if (i + 1 < words.Length && Roles.Contains(words[i + 1])) continue;
            return "me";
        }
        return null;
    }

    // ---------------------------------------------------------------- PQR type

    // Most specific first: "derecho de petición" and "solicitud de copias" before a bare "petición";
    // "consulta" last, since it is also the verb "consult".
    private static readonly Entry[] PqrTypes = Table(
        ("derecho|derechos de peticion", "peticion"),
        ("solicitud|solicitudes|peticion|pedido de|del? la|las|los? copia|copias|documento|documentos", "solicitud_documentos"),
        ("document|documents request|requests", "solicitud_documentos"),
        ("request|requests for the? documents|copies", "solicitud_documentos"),
        ("copy request|requests", "solicitud_documentos"),
        ("recurso|recursos|reposicion|apelacion|appeal|appeals", "recurso"),
        ("reclamo|reclamos|reclamacion|reclamaciones|claim|claims", "reclamo"),
        ("queja|quejas|complaint|complaints", "queja"),
        ("peticion|peticiones|petition|petitions", "peticion"),
        ("consulta|consultas|inquiry|inquiries|enquiry", "consulta"));

    public static string? PqrType(string text)
    {
        var words = Words(text);
        return PqrTypes.FirstOrDefault(e => e.Phrase.IndexIn(words, out _) >= 0)?.Code;
    }

    // ---------------------------------------------------------------- radicado

    // The word that introduces a filing number, then filler such as "No.", "#", "número", "es el".
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:radicado|rad\.|rad|folio|filing(?:\s+number)?|ticket)(?![\p{L}])(?:\s*(?:n[uú]mero|number|n[oº°]\.?|nro\.?|num\.?|#|:|es|is|el|the)(?![\p{L}]))*\s*#?\s*(?<id>[A-Za-z]{0,6}-?\d{3,}[A-Za-z\d/-]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex IntroducedFiling();

    // Written like a filing code on its own: capitals, a dash, digits ("RQ-55120", "PQR-2026-0012"),
    // or a year, a dash and five or more digits ("2026-118734": no date or period is written so).
    [GeneratedRegex(@"(?<![\p{L}\d-])(?:[A-Z]{1,6}(?:-\d+)*-\d{3,}|20\d{2}-\d{5,})(?![\p{L}\d])", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ShapedFiling();

    public static string? Radicado(string raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        try
        {
            var introduced = IntroducedFiling().Match(raw);
            if (introduced.Success) return introduced.Groups["id"].Value.TrimEnd('-', '/');
            var shaped = ShapedFiling().Match(raw);
            return shaped.Success ? shaped.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // ---------------------------------------------------------------- periods

    private static readonly HashSet<string> Weekdays =
    [
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ];

    // "a fin de mes", "end of the month", "a mediados de octubre": a day or part of a span, not the span.
    private static readonly HashSet<string> PartOfSpan = ["fin", "finales", "end", "principios", "inicios", "comienzos", "beginning", "start", "mediados", "mid", "middle"];

    private static readonly (Phrase Phrase, int Offset)[] WeekPhrases =
    [
        (new("esta semana"), 0), (new("this week"), 0), (new("semana actual|corriente"), 0), (new("current week"), 0), (new("semana en curso"), 0),
        (new("semana pasada|anterior"), -1), (new("last|previous|past week"), -1), (new("pasada semana"), -1),
        (new("semana que viene"), 1), (new("proxima|siguiente semana"), 1), (new("semana entrante|proxima|siguiente"), 1), (new("next week"), 1),
        (new("la otra semana"), 1),
    ];

    private static readonly (Phrase Phrase, int Offset)[] MonthPhrases =
    [
        (new("este mes"), 0), (new("this month"), 0), (new("mes actual|corriente"), 0), (new("current month"), 0), (new("mes en curso"), 0),
        (new("mes pasado|anterior"), -1), (new("last|previous|past month"), -1),
        (new("mes que viene"), 1), (new("proximo|siguiente mes"), 1), (new("mes entrante|proximo|siguiente"), 1), (new("next month"), 1),
        (new("el otro mes"), 1),
    ];

    private static readonly (Phrase Phrase, int Offset)[] QuarterPhrases =
    [
        (new("este trimestre"), 0), (new("this quarter"), 0), (new("trimestre actual|corriente"), 0), (new("current quarter"), 0), (new("trimestre en curso"), 0),
        (new("trimestre pasado|anterior"), -1), (new("last|previous|past quarter"), -1),
        (new("trimestre que viene"), 1), (new("proximo|siguiente trimestre"), 1), (new("trimestre entrante|proximo|siguiente"), 1), (new("next quarter"), 1),
    ];

    private static readonly (Phrase Phrase, int Offset)[] YearPhrases =
    [
        (new("este ano"), 0), (new("this year"), 0), (new("ano actual|corriente"), 0), (new("current year"), 0), (new("ano en curso"), 0),
        (new("en? lo que va del|de ano"), 0), (new("lo corrido del|de ano"), 0), (new("year to date"), 0), (new("ytd"), 0),
        (new("ano pasado|anterior"), -1), (new("last|previous|past year"), -1),
        (new("ano que viene"), 1), (new("proximo|siguiente ano"), 1), (new("ano entrante|proximo|siguiente"), 1), (new("next year"), 1),
    ];

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["primer"] = 1,
        ["primero"] = 1,
        ["1er"] = 1,
        ["1ro"] = 1,
        ["1"] = 1,
        ["first"] = 1,
        ["1st"] = 1,
        ["segundo"] = 2,
        ["2do"] = 2,
        ["2"] = 2,
        ["second"] = 2,
        ["2nd"] = 2,
        ["tercer"] = 3,
        ["tercero"] = 3,
        ["3er"] = 3,
        ["3ro"] = 3,
        ["3"] = 3,
        ["third"] = 3,
        ["3rd"] = 3,
        ["cuarto"] = 4,
        ["4to"] = 4,
        ["4"] = 4,
        ["fourth"] = 4,
        ["4th"] = 4,
    };

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:ro|ero|er|do|to|vo|mo|o|º|st|nd|rd|th)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayWord();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<a>\d{1,2})/(?<b>\d{1,2})(?:/(?<y>\d{2}|\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^(?:(?<y>\d{4})-(?:(?<m>\d{1,2})|q(?<q>[1-4])|w(?<w>\d{1,2}))|(?<m2>\d{1,2})[/-](?<y2>\d{4})|(?<qt>[qt])(?<q2>[1-4])(?:-(?<y3>\d{4}))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodedPeriod();

    private readonly record struct DayMonth(int Day, int? Month, int? Year, int End);

    private readonly record struct Found(string? Period, int End);

    /// <summary>
    /// The span of time the text names, as the spec writes it. The first span named wins; a single
    /// day ("el 3 de diciembre", "Friday next week", "fin de mes") is a date and is passed over.
    /// </summary>
    public static string? Period(string text, ReadingContext context)
    {
        var words = Words(text);
        for (var i = 0; i < words.Length;)
        {
            var found = PeriodAt(words, i, context);
            if (found is { Period: { } period }) return period;
            i = found is { } skip && skip.End > i ? skip.End : i + 1;
        }
        return null;
    }

    /// <summary>A period starting at word i; or a date to skip (Period null, End past it); or nothing.</summary>
    private static Found? PeriodAt(string[] words, int i, ReadingContext context)
    {
        var today = context.Today;
        if (DateRange(words, i, context) is { } range) return range;
        if (ReadDate(words, i, context, allowBareDay: false) is { } date) return new Found(null, date.End);
        if (Coded(words, i, today) is { } coded) return coded;
        if (Quarter(words, i, today) is { } quarter) return quarter;

        foreach (var (phrase, offset) in WeekPhrases)
        {
            var end = phrase.EndAt(words, i);
            if (end <= i) continue;
            if (NearWeekday(words, i, end)) return new Found(null, end);
            return new Found(IsoWeek(today.AddDays(7 * offset)), end);
        }
        foreach (var (phrase, offset) in MonthPhrases)
        {
            var end = phrase.EndAt(words, i);
            if (end <= i) continue;
            if (InsideSpan(words, i)) return new Found(null, end);
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(offset);
            return new Found(MonthCode(month.Year, month.Month), end);
        }
        if (MonthName(words, i, context) is { } named) return named;
        foreach (var (phrase, offset) in YearPhrases)
        {
            var end = phrase.EndAt(words, i);
            if (end > i) return new Found((today.Year + offset).ToString(CultureInfo.InvariantCulture), end);
        }
        if (Year(words[i]) is { } year && !(i > 0 && words[i - 1] is "radicado" or "folio" or "rad" or "nit" or "ticket"))
        {
            // "2025 Q3" names the quarter of that year.
            if (i + 1 < words.Length && CodedPeriod().Match(words[i + 1]) is { Success: true } q && q.Groups["q2"].Success)
                return new Found(Inv($"{year}-Q{q.Groups["q2"].Value}"), i + 2);
            return new Found(year.ToString(CultureInfo.InvariantCulture), i + 1);
        }
        return null;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string MonthCode(int year, int month) => Inv($"{year:D4}-{month:D2}");

    private static string IsoWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return Inv($"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    private static int? Year(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100 ? y : null;

    private static bool NearWeekday(string[] words, int start, int end)
    {
        for (var k = Math.Max(0, start - 4); k < start; k++) if (Weekdays.Contains(words[k])) return true;
        for (var k = end; k < Math.Min(words.Length, end + 2); k++) if (Weekdays.Contains(words[k])) return true;
        return false;
    }

    private static bool InsideSpan(string[] words, int start)
    {
        for (var k = Math.Max(0, start - 3); k < start; k++)
        {
            if (PartOfSpan.Contains(words[k])) return true;
            if (DayOf(words[k]) is not null && k + 1 < words.Length && words[k + 1] is "de" or "del" or "of") return true;
        }
        return false;
    }

    private static Found? Coded(string[] words, int i, DateOnly today)
    {
        var match = CodedPeriod().Match(words[i]);
        if (!match.Success) return null;
        var g = match.Groups;
        if (g["q"].Success) return new Found(Inv($"{g["y"].Value}-Q{g["q"].Value}"), i + 1);
        if (g["w"].Success)
        {
            var week = int.Parse(g["w"].Value, CultureInfo.InvariantCulture);
            return week is >= 1 and <= 53 ? new Found(Inv($"{g["y"].Value}-W{week:D2}"), i + 1) : null;
        }
        if (g["q2"].Success)
        {
            var year = g["y3"].Success ? int.Parse(g["y3"].Value, CultureInfo.InvariantCulture) : YearAfter(words, i + 1, out _) ?? today.Year;
            var end = g["y3"].Success ? i + 1 : YearAfter(words, i + 1, out var yearEnd) is null ? i + 1 : yearEnd;
            return new Found(Inv($"{year}-Q{g["q2"].Value}"), end);
        }
        var m = int.Parse(g["m"].Success ? g["m"].Value : g["m2"].Value, CultureInfo.InvariantCulture);
        var y = g["y"].Success ? g["y"].Value : g["y2"].Value;
        return m is >= 1 and <= 12 ? new Found(Inv($"{y}-{m:D2}"), i + 1) : null;
    }

    /// <summary>A year said right after a period: "2025", "de 2025", "del 2025", "of 2025".</summary>
    private static int? YearAfter(string[] words, int i, out int end)
    {
        end = i;
        if (i < words.Length && Year(words[i]) is { } direct)
        {
            end = i + 1;
            return direct;
        }
        if (i + 1 < words.Length && words[i] is "de" or "del" or "of" && Year(words[i + 1]) is { } said)
        {
            end = i + 2;
            return said;
        }
        return null;
    }

    private static Found? Quarter(string[] words, int i, DateOnly today)
    {
        var current = (today.Month - 1) / 3;
        foreach (var (phrase, offset) in QuarterPhrases)
        {
            var end = phrase.EndAt(words, i);
            if (end <= i) continue;
            var index = current + offset;
            var year = today.Year + (int)Math.Floor(index / 4.0);
            return new Found(Inv($"{year}-Q{((index % 4) + 4) % 4 + 1}"), end);
        }
        // "tercer trimestre", "third quarter", "el trimestre 3", each with an optional year.
        int? number = null;
        var after = i;
        if (Ordinals.TryGetValue(words[i], out var ordinal) && i + 1 < words.Length && words[i + 1] is "trimestre" or "quarter")
        {
            number = ordinal;
            after = i + 2;
        }
        else if (words[i] is "trimestre" or "quarter" && i + 1 < words.Length && Ordinals.TryGetValue(words[i + 1], out var trailing))
        {
            number = trailing;
            after = i + 2;
        }
        if (number is null) return null;
        var said = YearAfter(words, after, out var yearEnd);
        return new Found(Inv($"{said ?? today.Year}-Q{number}"), said is null ? after : yearEnd);
    }

    private static int? MonthOf(string[] words, int i, ReadingContext context)
    {
        if (!Lexicon.Months.TryGetValue(words[i], out var month)) return null;
        // English "may" is mostly the verb: a month only after "in", "of"... or before a year.
        if (words[i] == "may" && context.English)
        {
            var before = i > 0 ? words[i - 1] : string.Empty;
            var yearNext = i + 1 < words.Length && Year(words[i + 1]) is not null;
            if (before is not ("in" or "of" or "for" or "during" or "since" or "until" or "through" or "from" or "to" or "between" or "and") && !yearNext) return null;
        }
        else if (words[i] == "may") return null;
        return month;
    }

    private static Found? MonthName(string[] words, int i, ReadingContext context)
    {
        if (MonthOf(words, i, context) is not { } month) return null;
        if (InsideSpan(words, i)) return new Found(null, i + 1);
        var (year, end) = MonthYear(words, i + 1, context.Today);

        // "de octubre a diciembre", "entre octubre y diciembre", "from October to December".
        var k = end;
        if (k < words.Length)
        {
            var opener = i > 0 ? words[i - 1] : string.Empty;
            if (opener is "de" or "del" && i > 1 && words[i - 2] is "mes" or "meses") opener = i > 2 ? words[i - 3] : string.Empty;
            var connector = words[k] is "a" or "al" or "hasta" or "to" or "through" or "until" or "till"
                || words[k] is "y" or "and" && opener is "entre" or "between";
            if (connector)
            {
                k++;
                if (k < words.Length && words[k] is "de" or "el" or "the") k++;
                if (k < words.Length && MonthOf(words, k, context) is { } last)
                {
                    var (lastYear, rangeEnd) = MonthYear(words, k + 1, context.Today);
                    var firstYear = year;
                    if (lastYear != year && !YearSaidAt(words, i + 1)) firstYear = last >= month ? lastYear : lastYear - 1;
                    else if (lastYear == firstYear && last < month) lastYear++;
                    var from = new DateOnly(firstYear, month, 1);
                    var to = new DateOnly(lastYear, last, 1).AddMonths(1).AddDays(-1);
                    if (from < to) return new Found(Inv($"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}"), rangeEnd);
                }
            }
        }
        return new Found(MonthCode(year, month), end);
    }

    private static bool YearSaidAt(string[] words, int i) => YearAfter(words, i, out _) is not null;

    /// <summary>The year said after a month: "2025", "de 2025", "del año pasado", "of this year"; else the current year.</summary>
    private static (int Year, int End) MonthYear(string[] words, int i, DateOnly today)
    {
        if (YearAfter(words, i, out var end) is { } said) return (said, end);
        if (i < words.Length && words[i] is "de" or "del" or "of")
        {
            foreach (var (phrase, offset) in YearPhrases)
            {
                var phraseEnd = phrase.EndAt(words, i + 1);
                if (phraseEnd > i + 1) return (today.Year + offset, phraseEnd);
            }
        }
        return (today.Year, i);
    }

    private static int? DayOf(string word)
    {
        if (word == "primero") return 1;
        var match = DayWord().Match(word);
        if (!match.Success) return null;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? day : null;
    }

    /// <summary>
    /// One day as written: "2026-11-23", "3/12" (day first in Spanish, month first in English),
    /// "3 de diciembre", "3rd of December", "November 20", "20 noviembre 2026"; with
    /// <paramref name="allowBareDay"/>, a lone "15" too (the first end of "del 1 al 15 de noviembre").
    /// </summary>
    private static DayMonth? ReadDate(string[] words, int i, ReadingContext context, bool allowBareDay)
    {
        if (i >= words.Length) return null;
        var iso = IsoDate().Match(words[i]);
        if (iso.Success)
            return new DayMonth(Int(iso.Groups["d"].Value), Int(iso.Groups["m"].Value), Int(iso.Groups["y"].Value), i + 1);
        var slash = SlashDate().Match(words[i]);
        if (slash.Success)
        {
            var a = Int(slash.Groups["a"].Value);
            var b = Int(slash.Groups["b"].Value);
            int? year = slash.Groups["y"].Success ? Int(slash.Groups["y"].Value) : null;
            if (year < 100) year += 2000;
            var (day, month) = context.English ? (b, a) : (a, b);
            return month is >= 1 and <= 12 && day is >= 1 and <= 31 ? new DayMonth(day, month, year, i + 1) : null;
        }
        if (MonthOf(words, i, context) is { } leading && i + 1 < words.Length && DayOf(words[i + 1]) is { } trailingDay)
        {
            var (year, end) = YearAfterDate(words, i + 2);
            return new DayMonth(trailingDay, leading, year, end);
        }
        if (DayOf(words[i]) is not { } d) return null;
        var k = i + 1;
        if (k < words.Length && words[k] is "de" or "of") k++;
        if (k < words.Length && MonthOf(words, k, context) is { } m)
        {
            var (year, end) = YearAfterDate(words, k + 1);
            return new DayMonth(d, m, year, end);
        }
        return allowBareDay ? new DayMonth(d, null, null, i + 1) : null;
    }

    private static (int? Year, int End) YearAfterDate(string[] words, int i)
    {
        if (YearAfter(words, i, out var end) is { } year) return (year, end);
        return (null, i);
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static readonly HashSet<string> RangeOpeners = ["del", "de", "desde", "entre", "from", "between"];

    private static readonly HashSet<string> RangeJoiners = ["al", "a", "hasta", "y", "to", "through", "until", "till", "and"];

    /// <summary>"del 1 al 15 de noviembre", "2026-10-25 a 2026-11-05", "from 11/1 to 11/15", "2026-11-01/2026-11-30".</summary>
    private static Found? DateRange(string[] words, int i, ReadingContext context)
    {
        var halves = words[i].Split('/');
        if (halves.Length == 2 && IsoDate().IsMatch(halves[0]) && IsoDate().IsMatch(halves[1]))
        {
            var pair = new[] { halves[0], halves[1] };
            var from = ReadDate(pair, 0, context, false);
            var to = ReadDate(pair, 1, context, false);
            if (from is { } f && to is { } t) return Span(f, t, context.Today, i + 1);
        }

        var k = i;
        var opened = RangeOpeners.Contains(words[k]);
        if (opened) k++;
        if (k < words.Length && words[k] is "el" or "the") k++;
        if (ReadDate(words, k, context, allowBareDay: true) is not { } first) return null;
        k = first.End;
        if (k >= words.Length || !RangeJoiners.Contains(words[k])) return null;
        if (words[k] is "y" or "and" && words[i] is not ("entre" or "between")) return null;
        k++;
        if (k < words.Length && words[k] is "el" or "the") k++;
        if (ReadDate(words, k, context, allowBareDay: true) is not { } second) return null;
        if (first.Month is null && second.Month is null) return null;
        if (first.Month is null && !opened) return null;
        return Span(first, second, context.Today, second.End);
    }

    private static Found? Span(DayMonth first, DayMonth second, DateOnly today, int end)
    {
        var firstMonth = first.Month ?? second.Month!.Value;
        var secondMonth = second.Month ?? firstMonth;
        var firstYear = first.Year ?? second.Year ?? today.Year;
        var secondYear = second.Year ?? firstYear;
        if (!Valid(firstYear, firstMonth, first.Day) || !Valid(secondYear, secondMonth, second.Day)) return null;
        var from = new DateOnly(firstYear, firstMonth, first.Day);
        var to = new DateOnly(secondYear, secondMonth, second.Day);
        // "del 28/12 al 3/1": the range runs into the next year.
        if (to < from && second.Year is null && Valid(secondYear + 1, secondMonth, second.Day)) to = to.AddYears(1);
        return to > from ? new Found(Inv($"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}"), end) : null;
    }

    private static bool Valid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
