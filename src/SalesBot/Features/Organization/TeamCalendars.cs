using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Organization;

/// <summary>
/// Whose business days count: a team with a calendar of its own (a Bolivian team, a Mexican one)
/// counts on it; everyone else, and anyone without a team, on the organisation's.
/// </summary>
public sealed class TeamCalendars(SalesBotDbContext db, BusinessCalendarProvider calendars)
{
    /// <summary>The calendar choice of a person's team (the organisation's when they have none or it has none).</summary>
    public async Task<CalendarChoice> ChoiceOfPersonAsync(Guid? personId, CancellationToken ct)
    {
        if (personId is null) return CalendarChoice.Organization;
        var team = await db.People.AsNoTracking().Where(p => p.Id == personId && p.TeamId != null)
            .Join(db.Teams, p => p.TeamId, t => (Guid?)t.Id, (p, t) => new { t.Country, t.Subdivision, t.TimeZone })
            .FirstOrDefaultAsync(ct);
        return team is null ? CalendarChoice.Organization : new CalendarChoice(team.Country, team.Subdivision, team.TimeZone);
    }

    public async Task<BusinessCalendar> OfPersonAsync(Guid? personId, CancellationToken ct) => For(await ChoiceOfPersonAsync(personId, ct));

    public BusinessCalendar For(CalendarChoice choice) => calendars.For(choice);
}
