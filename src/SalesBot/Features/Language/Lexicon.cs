namespace SalesBot.Features.Language;

/// <summary>Words every reader knows: month names and small numbers as Spanish and English speakers write them (simplified: no accents).</summary>
public static class Lexicon
{
    /// <summary>Months by name and common abbreviation. "mar" and "ago" are left out: "mar" is the sea and "ago" English; a date reader that sees a day before them may add them.</summary>
    public static readonly IReadOnlyDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["enero"] = 1,
        ["ene"] = 1,
        ["january"] = 1,
        ["jan"] = 1,
        ["febrero"] = 2,
        ["feb"] = 2,
        ["february"] = 2,
        ["marzo"] = 3,
        ["march"] = 3,
        ["abril"] = 4,
        ["abr"] = 4,
        ["april"] = 4,
        ["apr"] = 4,
        ["mayo"] = 5,
        ["may"] = 5,
        ["junio"] = 6,
        ["jun"] = 6,
        ["june"] = 6,
        ["julio"] = 7,
        ["jul"] = 7,
        ["july"] = 7,
        ["agosto"] = 8,
        ["august"] = 8,
        ["aug"] = 8,
        ["septiembre"] = 9,
        ["setiembre"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["september"] = 9,
        ["octubre"] = 10,
        ["oct"] = 10,
        ["october"] = 10,
        ["noviembre"] = 11,
        ["nov"] = 11,
        ["november"] = 11,
        ["diciembre"] = 12,
        ["dic"] = 12,
        ["december"] = 12,
        ["dec"] = 12,
    };

    /// <summary>Months as a date writes them after a day ("el 3 de ago", "3 mar"), where the short forms are unambiguous.</summary>
    public static readonly IReadOnlyDictionary<string, int> MonthsAfterADay = new Dictionary<string, int>(Months, StringComparer.Ordinal) { ["mar"] = 3, ["ago"] = 8 };

    /// <summary>One to thirty in words ("un", "a" and "an" are one: "en un mes", "in a week").</summary>
    public static readonly IReadOnlyDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["un"] = 1,
        ["una"] = 1,
        ["uno"] = 1,
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["primero"] = 1,
        ["dos"] = 2,
        ["two"] = 2,
        ["tres"] = 3,
        ["three"] = 3,
        ["cuatro"] = 4,
        ["four"] = 4,
        ["cinco"] = 5,
        ["five"] = 5,
        ["seis"] = 6,
        ["six"] = 6,
        ["siete"] = 7,
        ["seven"] = 7,
        ["ocho"] = 8,
        ["eight"] = 8,
        ["nueve"] = 9,
        ["nine"] = 9,
        ["diez"] = 10,
        ["ten"] = 10,
        ["once"] = 11,
        ["eleven"] = 11,
        ["doce"] = 12,
        ["twelve"] = 12,
        ["trece"] = 13,
        ["catorce"] = 14,
        ["quince"] = 15,
        ["fifteen"] = 15,
        ["dieciseis"] = 16,
        ["diecisiete"] = 17,
        ["dieciocho"] = 18,
        ["diecinueve"] = 19,
        ["veinte"] = 20,
        ["twenty"] = 20,
        ["veintiuno"] = 21,
        ["veintidos"] = 22,
        ["veintitres"] = 23,
        ["veinticuatro"] = 24,
        ["veinticinco"] = 25,
        ["veintiseis"] = 26,
        ["veintisiete"] = 27,
        ["veintiocho"] = 28,
        ["veintinueve"] = 29,
        ["treinta"] = 30,
    };

    /// <summary>An hour said in words ("a las tres", "at four"): one to twelve, never an article.</summary>
    public static int? Hour(string word) =>
        word is not ("a" or "an" or "un" or "primero") && Numbers.TryGetValue(word, out var n) && n is >= 1 and <= 12 ? n : null;
}
