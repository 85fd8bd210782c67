namespace SalesBot.Features.Shared.Calendar;

/// <summary>
/// Mexico's statutory rest days (días de descanso obligatorio, Ley Federal del Trabajo art. 74):
/// 1 January; the first Monday of February (5 February); the third Monday of March (21 March); 1 May;
/// 16 September; the third Monday of November (20 November); 25 December; and the day the federal
/// executive changes every six years: 1 December until 2018, 1 October from 2024 (reform of 2023).
/// Election days (fraction IX) are set by the electoral laws each time: they go in holidays/MX.json.
/// </summary>
public sealed class MexicanHolidays : IHolidayRules
{
    public string Country => "MX";

    public (int First, int Last) SupportedYears => (2000, 2099);

    public IReadOnlyDictionary<string, string> Subdivisions { get; } = new Dictionary<string, string>();

    public IReadOnlyList<Holiday> For(int year, string? subdivision = null)
    {
        var list = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Año Nuevo"),
            new(NthMonday(year, 2, 1), "Día de la Constitución"),
            new(NthMonday(year, 3, 3), "Natalicio de Benito Juárez"),
            new(new DateOnly(year, 5, 1), "Día del Trabajo"),
            new(new DateOnly(year, 9, 16), "Día de la Independencia"),
            new(NthMonday(year, 11, 3), "Día de la Revolución"),
            new(new DateOnly(year, 12, 25), "Navidad"),
        };
        if (year >= 2024 && (year - 2024) % 6 == 0) list.Add(new(new DateOnly(year, 10, 1), "Transmisión del Poder Ejecutivo Federal"));
        else if (year <= 2018 && (year - 2000) % 6 == 0) list.Add(new(new DateOnly(year, 12, 1), "Transmisión del Poder Ejecutivo Federal"));
        return list.OrderBy(h => h.Date).ToList();
    }

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }
}
