namespace SalesBot.Features.Shared.Calendar;

/// <summary>
/// Which business calendar applies: a country (ISO, "BO"), a region with holidays of its own
/// ("BO-C") and an IANA time zone. A null part is the organisation's.
/// </summary>
public sealed record CalendarChoice(string? Country, string? Subdivision, string? TimeZone)
{
    public static readonly CalendarChoice Organization = new(null, null, null);
}
