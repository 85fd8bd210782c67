namespace SalesBot.Features.Shared.Calendar;

/// <summary>
/// Bolivia's public holidays by rule:
/// - national: 1 January, 22 January (Estado Plurinacional, D.S. 0405 of 2009), Carnival Monday and
///   Tuesday (Easter - 48 and - 47), Good Friday, 1 May, Corpus Christi (Easter + 60), 21 June (Año
///   Nuevo Andino Amazónico, D.S. 0173 of 2009), 6 August, 2 November and 25 December;
/// - a fixed national holiday that falls on a Sunday is rested on the Monday (D.S. 14260 of 1977),
///   except 2 November, which has not moved since D.S. 2750 of 2016;
/// - departmental days, only in their department: Chuquisaca 25 May, La Paz 16 July, Cochabamba
///   14 September, Oruro the Friday of Carnival (Easter - 51), Potosí 10 November, Tarija 15 April
///   (La Tablada), Santa Cruz 24 September, Beni 18 November, Pando 11 October.
/// Each year the government confirms or moves days by supreme decree: those go in holidays/BO.json.
/// </summary>
public sealed class BolivianHolidays : IHolidayRules
{
    public string Country => "BO";

    // The rules above hold since 2016 (D.S. 2750); earlier years had other moves.
    public (int First, int Last) SupportedYears => (2016, 2099);

    public IReadOnlyDictionary<string, string> Subdivisions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["BO-H"] = "Chuquisaca",
        ["BO-L"] = "La Paz",
        ["BO-C"] = "Cochabamba",
        ["BO-O"] = "Oruro",
        ["BO-P"] = "Potosí",
        ["BO-T"] = "Tarija",
        ["BO-S"] = "Santa Cruz",
        ["BO-B"] = "Beni",
        ["BO-N"] = "Pando",
    };

    public IReadOnlyList<Holiday> For(int year, string? subdivision = null)
    {
        var easter = Easter.Sunday(year);
        var list = new List<Holiday>
        {
            new(SundayToMonday(new DateOnly(year, 1, 1)), "Año Nuevo"),
            new(SundayToMonday(new DateOnly(year, 1, 22)), "Día del Estado Plurinacional de Bolivia"),
            new(easter.AddDays(-48), "Lunes de Carnaval"),
            new(easter.AddDays(-47), "Martes de Carnaval"),
            new(easter.AddDays(-2), "Viernes Santo"),
            new(SundayToMonday(new DateOnly(year, 5, 1)), "Día del Trabajo"),
            new(easter.AddDays(60), "Corpus Christi"),
            new(SundayToMonday(new DateOnly(year, 6, 21)), "Año Nuevo Andino Amazónico"),
            new(SundayToMonday(new DateOnly(year, 8, 6)), "Día de la Independencia"),
            new(new DateOnly(year, 11, 2), "Día de Todos los Difuntos"),
            new(SundayToMonday(new DateOnly(year, 12, 25)), "Navidad"),
        };
        if (Departmental(year, easter, subdivision) is { } own) list.Add(own);
        return list.OrderBy(h => h.Date).ToList();
    }

    private static Holiday? Departmental(int year, DateOnly easter, string? subdivision) => subdivision?.ToUpperInvariant() switch
    {
        "BO-H" => new(new DateOnly(year, 5, 25), "Día del Departamento de Chuquisaca"),
        "BO-L" => new(new DateOnly(year, 7, 16), "Día del Departamento de La Paz"),
        "BO-C" => new(new DateOnly(year, 9, 14), "Día del Departamento de Cochabamba"),
        "BO-O" => new(easter.AddDays(-51), "Carnaval de Oruro"),
        "BO-P" => new(new DateOnly(year, 11, 10), "Día del Departamento de Potosí"),
        "BO-T" => new(new DateOnly(year, 4, 15), "La Tablada (Tarija)"),
        "BO-S" => new(new DateOnly(year, 9, 24), "Día del Departamento de Santa Cruz"),
        "BO-B" => new(new DateOnly(year, 11, 18), "Día del Departamento del Beni"),
        "BO-N" => new(new DateOnly(year, 10, 11), "Día del Departamento de Pando"),
        _ => null,
    };

    /// <summary>The date itself, or the Monday after it when it is a Sunday.</summary>
    public static DateOnly SundayToMonday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;
}
