using System.Globalization;

namespace SalesBot.Features.Language;

/// <summary>The money figure, the currency named and the number of seats a message states.</summary>
public sealed record AmountReading(decimal? Amount, string? Currency, int? Seats);

/// <summary>
/// Reads "$85MM", "USD 1.2M", "por 40 millones", "mil quinientos dólares", "12 puestos". A number
/// is money only when something says so (a currency mark or word, a multiplier, a word such as
/// "valor", or thousands grouping); a bare number is as likely a day, an hour or a count. Two
/// different money figures leave the amount unknown rather than guessed.
/// </summary>
public static class AmountReader
{
    private enum Kind { Word, Number, Dollar, Percent, Opaque }

    /// <summary>
    /// A piece of a chunk; Glued when written against the previous one ("3pm", "1ro", "40k"), Pause
    /// when a comma or full stop follows it ("40 millones, 12 puestos" is two numbers, not one).
    /// </summary>
    private readonly record struct Token(Kind Kind, string Text, bool Glued = false, bool Pause = false);

    private sealed record Quantity(int Start, int End, decimal Value, bool Scaled, bool Grouped, bool YearLike);

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.Ordinal)
    {
        ["mil"] = 1_000m,
        ["k"] = 1_000m,
        ["lucas"] = 1_000m,
        ["luca"] = 1_000m,
        ["thousand"] = 1_000m,
        ["millon"] = 1_000_000m,
        ["millones"] = 1_000_000m,
        ["million"] = 1_000_000m,
        ["millions"] = 1_000_000m,
        ["m"] = 1_000_000m,
        ["mm"] = 1_000_000m,
        ["mill"] = 1_000_000m,
        ["palos"] = 1_000_000m,
        ["palo"] = 1_000_000m,
    };

    // "mil gracias" and "millones de clientes" are not figures: these scales need a number before them.
    private static readonly HashSet<string> ScalesNeedingNumber =
        ["k", "lucas", "luca", "thousand", "millones", "millions", "m", "mm", "mill", "palos", "palo"];

    private static readonly Dictionary<string, decimal> NumberWords = BuildNumberWords();

    private static readonly HashSet<string> SeatNouns =
        ["puestos", "puesto", "agentes", "agente", "asientos", "asiento", "licencias", "licencia", "seats", "seat", "agents", "agent", "licenses", "license", "licences"];

    // What follows a number that counts things or measures time: never money.
    private static readonly HashSet<string> NotMoneyAfter =
    [
        "sucursales", "sucursal", "sedes", "sede", "oficinas", "branches", "branch", "stores", "tiendas", "usuarios", "usuario", "users", "user",
        "clientes", "cliente", "clients", "customers", "empleados", "employees", "personas", "people", "visitas", "visits", "unidades", "units", "veces", "times",
        "dias", "dia", "days", "day", "horas", "hora", "hours", "hour", "minutos", "min", "minutes", "semanas", "weeks", "meses", "months", "anos", "years",
        "am", "pm", "hrs", "hr", "h", "km", "metros", "kilometros",
    ];

    // Ordinal endings count only written against the number: "1ro", "3rd"; a free "to" is English.
    private static readonly HashSet<string> OrdinalSuffixes = ["ro", "ero", "er", "do", "to", "vo", "mo", "st", "nd", "rd", "th", "o", "a", "os", "as"];

    // Before a number these name an identifier, a phone or an address, not a price.
    private static readonly HashSet<string> IdentifierBefore =
    [
        "nit", "folio", "radicado", "rad", "ticket", "no", "nro", "num", "numero", "number", "filing", "tel", "telefono", "celular", "cel", "movil",
        "whatsapp", "phone", "cell", "mobile", "ext", "extension", "calle", "carrera", "cra", "cll", "avenida", "av", "piso", "oficina", "apto",
        "codigo", "code", "id", "orden", "order", "pedido", "factura", "invoice", "cedula", "cc", "rut", "rfc", "semana", "week",
        "q", "t", "caso", "case",
    ];

    private static readonly HashSet<string> MoneyCues =
    [
        "valor", "monto", "precio", "costo", "costaria", "cuesta", "cuestan", "vale", "valen", "total", "tarifa", "cuota", "canon", "mensualidad",
        "pago", "paga", "pagan", "pagar", "cobra", "cobran", "cobrar", "presupuesto", "price", "priced", "value", "valued", "amount", "cost", "costs",
        "worth", "fee", "budget", "pay", "pays", "charge",
    ];

    // Words that may sit between a money cue and its figure: "por un valor de", "cuesta unos".
    private static readonly HashSet<string> CueFillers =
        ["de", "del", "of", "es", "is", "mensual", "aproximado", "aproximadamente", "aprox", "un", "una", "unos", "como", "about", "around", "approximately", "a"];

    private static readonly HashSet<string> MonthWords =
    [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ];

    private const decimal Largest = 1_000_000_000_000_000m;

    public static AmountReading Read(string text, ReadingContext context)
    {
        var tokens = Lex(LanguageText.Simplify(text ?? string.Empty));
        var figures = new List<(decimal Value, string? Currency)>();
        var seats = new HashSet<int>();
        for (var i = 0; i < tokens.Count;)
        {
            var quantity = ReadQuantity(tokens, i, context);
            if (quantity is null)
            {
                i++;
                continue;
            }
            i = quantity.End;
            if (SeatNouns.Contains(WordAt(tokens, quantity.End)) && decimal.IsInteger(quantity.Value) && quantity.Value is > 0 and < 1_000_000)
            {
                seats.Add((int)quantity.Value);
                continue;
            }
            if (IsMoney(tokens, quantity, context, out var currency)) figures.Add((Normalised(quantity.Value), currency));
        }

        var amounts = figures.Select(f => f.Value).Distinct().ToList();
        var named = figures.Select(f => f.Currency).OfType<string>().Distinct().ToList();
        if (named.Count == 0) named = AnyCurrencyNamed(tokens, context);
        return new AmountReading(
            amounts.Count == 1 ? amounts[0] : null,
            named.Count == 1 ? named[0] : null,
            seats.Count == 1 ? seats.First() : null);
    }

    private static List<Token> Lex(string simplified)
    {
        var tokens = new List<Token>();
        foreach (var chunk in simplified.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsOpaque(chunk))
            {
                tokens.Add(new Token(Kind.Opaque, chunk));
                continue;
            }
            for (var i = 0; i < chunk.Length;)
            {
                var start = i;
                var c = chunk[i];
                if (char.IsDigit(c))
                {
                    while (i < chunk.Length && (char.IsDigit(chunk[i]) || IsDigitSeparator(chunk[i]) && i + 1 < chunk.Length && char.IsDigit(chunk[i + 1]))) i++;
                    tokens.Add(new Token(Kind.Number, chunk[start..i], start > 0, PauseAt(chunk, i)));
                }
                else if (char.IsLetter(c))
                {
                    while (i < chunk.Length && char.IsLetter(chunk[i])) i++;
                    // "US$", "MX$": the sign belongs to the word that qualifies it.
                    if (i < chunk.Length && chunk[i] == '$') i++;
                    tokens.Add(new Token(Kind.Word, chunk[start..i], start > 0, PauseAt(chunk, i)));
                }
                else
                {
                    if (c == '$') tokens.Add(new Token(Kind.Dollar, "$"));
                    else if (c == '%') tokens.Add(new Token(Kind.Percent, "%"));
                    i++;
                }
            }
        }
        return tokens;
    }

    private static bool PauseAt(string chunk, int i) => i < chunk.Length && chunk[i] is ',' or '.' or ':';

    private static bool IsDigitSeparator(char c) => c is '.' or ',' or '\'';

    /// <summary>
    /// Dates, times, ranges and filing numbers ("3/12", "15:30", "2026-118734", "RQ-55120",
    /// "900123456-7") are read elsewhere; none of their digits is a price.
    /// </summary>
    private static bool IsOpaque(string chunk)
    {
        for (var i = 1; i + 1 < chunk.Length; i++)
        {
            if (chunk[i] is not (':' or '/' or '-')) continue;
            var before = chunk[i - 1];
            var after = chunk[i + 1];
            if (char.IsDigit(before) && char.IsDigit(after)) return true;
            if (chunk[i] == '-' && (char.IsDigit(before) && char.IsLetter(after) || char.IsLetter(before) && char.IsDigit(after))) return true;
        }
        return false;
    }

    private static string WordAt(List<Token> tokens, int index) =>
        index >= 0 && index < tokens.Count && tokens[index].Kind == Kind.Word ? tokens[index].Text : string.Empty;

    /// <summary>
    /// A number as said: digits or words, then any multipliers in falling order ("1 millón 200 mil",
    /// "dos millones trescientos mil", "mil quinientos", "un millón y medio", "$85MM").
    /// </summary>
    private static Quantity? ReadQuantity(List<Token> tokens, int start, ReadingContext context)
    {
        decimal total = 0;
        decimal? current = null;
        var currentFromDigits = false;
        var lastScale = decimal.MaxValue;
        var atoms = 0;
        var scaled = false;
        var grouped = false;
        var yearLike = false;
        var j = start;
        while (j < tokens.Count)
        {
            if (j > start && tokens[j - 1].Pause) break;
            var token = tokens[j];
            if (token.Kind == Kind.Number)
            {
                if (current is not null) break;
                var followedByScale = Scales.ContainsKey(WordAt(tokens, j + 1));
                if (!TryParseNumber(token.Text, context.CommaDecimals, followedByScale, out var value, out var hasGroups) || value > Largest) return null;
                current = value;
                currentFromDigits = true;
                grouped |= hasGroups;
                yearLike = !hasGroups && token.Text.Length == 4 && value is >= 1900 and <= 2100;
                atoms++;
                j++;
                continue;
            }
            if (token.Kind != Kind.Word) break;
            var word = token.Text;
            if (NumberWords.TryGetValue(word, out var small) && !currentFromDigits)
            {
                // "dos tres" is two numbers; "ciento veinte" and "treinta y cinco" are one.
                if (current is not null && (current % 10 != 0 || current % 100 == 0 && small >= 100 || current % 100 >= 10 && small >= 10)) break;
                current = (current ?? 0) + small;
                atoms++;
                j++;
                continue;
            }
            if (word is "hundred" && current is not null && !currentFromDigits)
            {
                current *= 100;
                j++;
                continue;
            }
            if (word is "medio" && Scales.ContainsKey(WordAt(tokens, j + 1)) && current is null)
            {
                current = 0.5m;
                atoms++;
                j++;
                continue;
            }
            if (word is "y" or "and" && current is not null && current % 100 >= 20 && current % 10 == 0 && !currentFromDigits
                && NumberWords.TryGetValue(WordAt(tokens, j + 1), out var unit) && unit < 10)
            {
                j++;
                continue;
            }
            if (Scales.TryGetValue(word, out var scale))
            {
                if (current is null && total == 0 && ScalesNeedingNumber.Contains(word)) break;
                if (scale >= lastScale)
                {
                    // "mil millones": the larger scale multiplies everything said so far.
                    total = (total + (current ?? 0)) * scale;
                }
                else total += (current ?? 1) * scale;
                if (total > Largest) return null;
                current = null;
                currentFromDigits = false;
                lastScale = scale;
                scaled = true;
                yearLike = false;
                j++;
                if (WordAt(tokens, j) == "y" && WordAt(tokens, j + 1) == "medio" && scale >= 1_000_000m)
                {
                    total += scale / 2;
                    atoms++;
                    j += 2;
                }
                continue;
            }
            break;
        }
        if (j == start) return null;
        // "mil gracias": a scale word with no number is a manner of speaking; only a currency makes it money.
        return new Quantity(start, j, total + (current ?? 0), scaled && atoms > 0, grouped, yearLike);
    }

    /// <summary>
    /// "1.234,5" or "1,234.5": the last kind of mark is the decimal one. A mark used twice groups
    /// thousands in any locale. A single mark is the locale's decimal unless three digits follow
    /// it with no multiplier: a price never has three decimals, so "80.000" and "1,500" are
    /// thousands everywhere, while "1.250 millones" still follows the locale.
    /// </summary>
    private static bool TryParseNumber(string text, bool commaDecimals, bool scaled, out decimal value, out bool grouped)
    {
        var digits = text.Replace("'", string.Empty, StringComparison.Ordinal);
        grouped = digits.Length != text.Length;
        var dots = digits.Count(c => c == '.');
        var commas = digits.Count(c => c == ',');
        char? decimalMark = null;
        if (dots > 0 && commas > 0) decimalMark = digits.LastIndexOf('.') > digits.LastIndexOf(',') ? '.' : ',';
        else if (dots + commas == 1)
        {
            var mark = dots == 1 ? '.' : ',';
            var after = digits.Length - digits.IndexOf(mark) - 1;
            var localeDecimal = commaDecimals ? ',' : '.';
            if (after != 3 || scaled && mark == localeDecimal) decimalMark = mark;
        }
        var sb = new System.Text.StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            if (char.IsDigit(c)) sb.Append(c);
            else if (c == decimalMark) sb.Append('.');
            else grouped = true;
        }
        return decimal.TryParse(sb.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsMoney(List<Token> tokens, Quantity quantity, ReadingContext context, out string? currency)
    {
        currency = null;
        var next = WordAt(tokens, quantity.End);
        var afterNext = WordAt(tokens, quantity.End + 1);
        var following = quantity.End < tokens.Count ? tokens[quantity.End] : default;
        if (following.Kind == Kind.Percent) return false;
        if (next is "por" && afterNext is "ciento" || next is "porciento" or "percent" or "pct") return false;
        if (NotMoneyAfter.Contains(next) || following.Glued && OrdinalSuffixes.Contains(next)) return false;
        if (MonthWords.Contains(next) || next is "de" && MonthWords.Contains(afterNext)) return false;
        if (next is "de" or "of" && afterNext is "la" or "the" && WordAt(tokens, quantity.End + 2) is "manana" or "tarde" or "noche" or "morning" or "afternoon" or "evening"
            || next is "en" && afterNext is "punto")
            return false;

        var marked = following.Kind == Kind.Dollar;
        var before = quantity.Start - 1;
        if (before >= 0 && tokens[before].Kind == Kind.Dollar)
        {
            marked = true;
            before--;
        }
        if (CurrencyAt(tokens, before, context) is { } prefix)
        {
            marked = true;
            currency = prefix.Code;
        }
        var suffixAt = next is "de" or "en" or "in" ? quantity.End + 1 : quantity.End;
        if (CurrencyAt(tokens, suffixAt, context) is { } suffix)
        {
            marked = true;
            currency ??= suffix.Code;
        }
        if (marked || quantity.Scaled) return true;

        var previous = WordAt(tokens, quantity.Start - 1);
        if (IdentifierBefore.Contains(previous) || MonthWords.Contains(previous)) return false;
        if (quantity.YearLike) return false;
        if (quantity.Grouped && quantity.Value >= 1000) return true;
        if (previous is "por" or "for" && quantity.Value >= 1000) return true;
        for (var k = quantity.Start - 1; k >= 0 && k >= quantity.Start - 4; k--)
        {
            var word = WordAt(tokens, k);
            if (MoneyCues.Contains(word)) return true;
            if (!CueFillers.Contains(word)) break;
        }
        return false;
    }

    private readonly record struct CurrencyMark(string? Code);

    /// <summary>
    /// The currency a word names. "pesos" names COP in Colombia and MXN in Mexico; elsewhere it is a
    /// mark of money whose currency the text does not say, unless it says "colombianos" or "mexicanos".
    /// </summary>
    private static CurrencyMark? CurrencyAt(List<Token> tokens, int index, ReadingContext context)
    {
        var word = WordAt(tokens, index);
        switch (word)
        {
            case "usd" or "us$" or "usd$" or "dolares" or "dolar" or "dollars" or "dollar" or "dls" or "dlls" or "dlrs":
                return new CurrencyMark("USD");
            case "bolivianos" or "boliviano" or "bs" or "bob":
                return new CurrencyMark("BOB");
            case "cop" or "cop$" or "col$":
                return new CurrencyMark("COP");
            case "mxn" or "mx$" or "mxn$":
                return new CurrencyMark("MXN");
            case "pesos" or "peso":
                var origin = WordAt(tokens, index + 1);
                if (origin is "colombianos" or "colombiano") return new CurrencyMark("COP");
                if (origin is "mexicanos" or "mexicano") return new CurrencyMark("MXN");
                if (context.Mexican) return new CurrencyMark("MXN");
                return context.Locale.Equals("es-CO", StringComparison.OrdinalIgnoreCase) ? new CurrencyMark("COP") : new CurrencyMark(null);
            default:
                return null;
        }
    }

    private static List<string> AnyCurrencyNamed(List<Token> tokens, ReadingContext context)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
            if (CurrencyAt(tokens, i, context)?.Code is { } code) codes.Add(code);
        return codes.ToList();
    }

    private static decimal Normalised(decimal value) => value / 1.000000000000000000000000000000000m;

    private static Dictionary<string, decimal> BuildNumberWords()
    {
        var words = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal value, params string[] names)
        {
            foreach (var name in names) words[name] = value;
        }
        Add(1, "un", "uno", "una", "one");
        Add(2, "dos", "two");
        Add(3, "tres", "three");
        Add(4, "cuatro", "four");
        Add(5, "cinco", "five");
        Add(6, "seis", "six");
        Add(7, "siete", "seven");
        Add(8, "ocho", "eight");
        Add(9, "nueve", "nine");
        Add(10, "diez", "ten");
        Add(11, "once", "eleven");
        Add(12, "doce", "twelve");
        Add(13, "trece", "thirteen");
        Add(14, "catorce", "fourteen");
        Add(15, "quince", "fifteen");
        Add(16, "dieciseis", "sixteen");
        Add(17, "diecisiete", "seventeen");
        Add(18, "dieciocho", "eighteen");
        Add(19, "diecinueve", "nineteen");
        Add(20, "veinte", "twenty");
        string[] units = ["un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];
        for (var u = 0; u < units.Length; u++) Add(21 + u, "veinti" + units[u]);
        Add(21, "veintiuno", "veintiuna");
        Add(30, "treinta", "thirty");
        Add(40, "cuarenta", "forty");
        Add(50, "cincuenta", "fifty");
        Add(60, "sesenta", "sixty");
        Add(70, "setenta", "seventy");
        Add(80, "ochenta", "eighty");
        Add(90, "noventa", "ninety");
        Add(100, "cien", "ciento");
        Add(200, "doscientos", "doscientas");
        Add(300, "trescientos", "trescientas");
        Add(400, "cuatrocientos", "cuatrocientas");
        Add(500, "quinientos", "quinientas");
        Add(600, "seiscientos", "seiscientas");
        Add(700, "setecientos", "setecientas");
        Add(800, "ochocientos", "ochocientas");
        Add(900, "novecientos", "novecientas");
        return words;
    }
}
