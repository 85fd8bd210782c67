using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Organization;

/// <summary>
/// Gives a team a business calendar of its own (a Bolivian team in Cochabamba: BO, BO-C,
/// America/La_Paz); what is left out stays the organisation's. Administrators only.
/// </summary>
public sealed class SetTeamCalendar(SalesBotDbContext db, BusinessCalendarProvider calendars)
{
    public async Task<Result<Team>> ExecuteAsync(Actor actor, string name, CalendarChoice calendar, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("teams.set");
        var trimmed = name.Trim();
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Name == trimmed, ct);
        if (team is null) return DomainError.NotFound("team", trimmed);
        var choice = Check(calendars, calendar);
        if (!choice.Ok) return choice.Error!;
        team.UseCalendar(choice.Value!.Country, choice.Value.Subdivision, choice.Value.TimeZone);
        return team;
    }

    /// <summary>
    /// The choice as stored (country upper case, region as ISO 3166-2), or why no calendar can be
    /// built from it, in the words of the calendar factory.
    /// </summary>
    internal static Result<CalendarChoice> Check(BusinessCalendarProvider calendars, CalendarChoice choice)
    {
        var country = string.IsNullOrWhiteSpace(choice.Country) ? null : choice.Country.Trim().ToUpperInvariant();
        var zone = string.IsNullOrWhiteSpace(choice.TimeZone) ? null : choice.TimeZone.Trim();
        var region = string.IsNullOrWhiteSpace(choice.Subdivision) ? null : choice.Subdivision.Trim();
        if (country is { Length: > 2 } || zone is { Length: > 64 } || region is { Length: > 6 }) return DomainError.Invalid("calendar", "calendar");
        try
        {
            var built = calendars.For(new CalendarChoice(country, region, zone));
            return new CalendarChoice(country, built.Subdivision, zone);
        }
        catch (BusinessCalendarFactory.CalendarException e)
        {
            return new DomainError("calendar-invalid", e.Message);
        }
    }
}
