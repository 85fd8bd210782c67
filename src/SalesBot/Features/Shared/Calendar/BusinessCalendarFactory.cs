namespace SalesBot.Features.Shared.Calendar;

/// <summary>Builds the organisation's calendar, refusing what it cannot do with a reason a person can act on.</summary>
public static class BusinessCalendarFactory
{
    public sealed class CalendarException(string message) : Exception(message);

    /// <param name="correctionsDirectory">Folder of the per-country corrections files (COUNTRY.json).</param>
    /// <param name="subdivision">A region with holidays of its own ("BO-C", or "C" for short), or null.</param>
    public static BusinessCalendar Create(string country, string timeZoneId, bool saturdaysAreBusinessDays, string correctionsDirectory,
        string? subdivision = null)
    {
        var rules = HolidayRulesCatalog.Find(country)
            ?? throw new CalendarException($"There is no holiday calendar for country '{country}' yet (available: {string.Join(", ", HolidayRulesCatalog.Countries)}).");
        string? region = null;
        if (!string.IsNullOrWhiteSpace(subdivision))
        {
            var code = subdivision.Trim().ToUpperInvariant();
            if (!code.Contains('-')) code = rules.Country + "-" + code;
            region = rules.Subdivisions.Keys.FirstOrDefault(k => k.Equals(code, StringComparison.OrdinalIgnoreCase))
                ?? throw new CalendarException(rules.Subdivisions.Count == 0
                    ? $"The {rules.Country} calendar has no regional holidays; leave the subdivision out."
                    : $"Unknown subdivision '{subdivision}' of {rules.Country} (known: {string.Join(", ", rules.Subdivisions.Select(s => $"{s.Key} {s.Value}"))}).");
        }
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CalendarException($"Unknown time zone '{timeZoneId}' (use an IANA name such as America/Bogota).");
        }
        HolidayCorrections corrections;
        try
        {
            corrections = HolidayCorrections.Load(Path.Combine(correctionsDirectory, rules.Country.ToUpperInvariant() + ".json"));
        }
        catch (InvalidDataException e)
        {
            throw new CalendarException("Holiday corrections: " + e.Message);
        }
        return new BusinessCalendar(rules, corrections, zone, saturdaysAreBusinessDays, region);
    }
}
