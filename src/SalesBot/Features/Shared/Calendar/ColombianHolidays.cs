namespace SalesBot.Features.Shared.Calendar;

/// <summary>
/// Colombia's public holidays (18, and 19 from 2026), computed by rule:
/// - fixed dates (Ley 51 de 1983 art. 1): 1 Jan, 1 May, 20 Jul, 7 Aug, 8 Dec, 25 Dec, and
///   Maundy Thursday and Good Friday (Easter - 3 and - 2);
/// - dates moved to the following Monday when they do not fall on one (Ley 51 de 1983 art. 2,
///   "Ley Emiliani"): 6 Jan, 19 Mar, 29 Jun, 15 Aug, 12 Oct, 1 Nov, 11 Nov;
/// - Easter-based dates moved to Monday by the same law: Ascension (Easter + 43), Corpus Christi
///   (Easter + 64) and Sacred Heart (Easter + 71), i.e. the Monday after their traditional day.
/// 12 October is named "Día de la Diversidad Étnica y Cultural de la Nación Colombiana" since
/// Resolución 0138 de 2021 of the Ministry of Culture (before: "Día de la Raza"); the date rule did
/// not change. Ley 2578 of 1 June 2026 (art. 6) adds 9 July, Nuestra Señora del Rosario de
/// Chiquinquirá, from 2026, moved to Monday under Ley 51 de 1983 (Monday 13 July 2026, as the
/// Ministry of the Interior announced on 5 June 2026). Two holidays can share a day (29 June and Sacred Heart on 30 June 2025): both are
/// listed. Changes Congress makes later go in the corrections file, not here.
/// </summary>
public sealed class ColombianHolidays : IHolidayRules
{
    public string Country => "CO";

    // Checked against the official calendars published for 2024-2026 and the rules for the rest;
    // outside this range a wrong day costs money, so the calendar says it does not know.
    public (int First, int Last) SupportedYears => (2000, 2099);

    public IReadOnlyDictionary<string, string> Subdivisions { get; } = new Dictionary<string, string>();

    public IReadOnlyList<Holiday> For(int year, string? subdivision = null)
    {
        var easter = Easter.Sunday(year);
        var list = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Año Nuevo"),
            new(NextMonday(new DateOnly(year, 1, 6)), "Día de los Reyes Magos"),
            new(NextMonday(new DateOnly(year, 3, 19)), "Día de San José"),
            new(easter.AddDays(-3), "Jueves Santo"),
            new(easter.AddDays(-2), "Viernes Santo"),
            new(new DateOnly(year, 5, 1), "Día del Trabajo"),
            new(easter.AddDays(43), "Ascensión del Señor"),
            new(easter.AddDays(64), "Corpus Christi"),
            new(easter.AddDays(71), "Sagrado Corazón de Jesús"),
            new(NextMonday(new DateOnly(year, 6, 29)), "San Pedro y San Pablo"),
            new(new DateOnly(year, 7, 20), "Día de la Independencia"),
            new(new DateOnly(year, 8, 7), "Batalla de Boyacá"),
            new(NextMonday(new DateOnly(year, 8, 15)), "La Asunción de la Virgen"),
            new(NextMonday(new DateOnly(year, 10, 12)), year >= 2021
                ? "Día de la Diversidad Étnica y Cultural de la Nación Colombiana"
                : "Día de la Raza"),
            new(NextMonday(new DateOnly(year, 11, 1)), "Día de Todos los Santos"),
            new(NextMonday(new DateOnly(year, 11, 11)), "Independencia de Cartagena"),
            new(new DateOnly(year, 12, 8), "Día de la Inmaculada Concepción"),
            new(new DateOnly(year, 12, 25), "Día de Navidad"),
        };
        if (year >= 2026) list.Add(new(NextMonday(new DateOnly(year, 7, 9)), "Día de Nuestra Señora del Rosario de Chiquinquirá"));
        return list.OrderBy(h => h.Date).ToList();
    }

    /// <summary>The date itself if it is a Monday, else the Monday after it.</summary>
    public static DateOnly NextMonday(DateOnly date) =>
        date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
}
