using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Pqrs;

/// <summary>
/// Every business day: remind assignees of PQRs due within Pqrs:RemindWhenBusinessDaysLeft,
/// tell their team lead once Pqrs:EscalateWhenBusinessDaysLeft is reached, and tell the
/// commercial directors once a PQR is overdue (the law may grant it to the client).
/// </summary>
public sealed class PqrDeadlineReminders(SalesBotDbContext db, IPqrNotifications notify, IOptions<PqrOptions> options,
    BusinessCalendarProvider calendars, TimeProvider clock) : IDailyJobRun
{
    public async Task RunAsync(DateOnly day, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var open = await db.Pqrs.Where(p => p.Status != PqrStatus.Answered && p.Status != PqrStatus.Closed && p.AssigneeId != null)
            .OrderBy(p => p.DueDate).ToListAsync(ct);
        var directors = await db.People.Where(p => (p.Roles & Role.CommercialDirector) == Role.CommercialDirector).ToListAsync(ct);
        foreach (var pqr in open)
        {
            // Each PQR counts on its own calendar (its assignee's team's at filing): no reminder on its holiday.
            var own = calendars.For(pqr.CalendarChoice());
            if (!own.IsBusinessDay(own.LocalDate(now))) continue;
            var left = new PqrDeadline(own).BusinessDaysLeft(pqr.DueDate, now);
            if (left > o.RemindWhenBusinessDaysLeft) continue;
            var client = await db.Clients.FirstAsync(c => c.Id == pqr.ClientId, ct);
            var assignee = await db.People.FirstAsync(p => p.Id == pqr.AssigneeId, ct);
            if (left < 0)
            {
                if (pqr.OverdueAlertedAt is not null) continue;
                foreach (var director in directors) await notify.OverdueAsync(pqr, client, director, assignee, ct);
                pqr.MarkOverdueAlerted(now);
                continue;
            }
            await notify.ReminderAsync(pqr, client, assignee, left, ct);
            if (left <= o.EscalateWhenBusinessDaysLeft && pqr.EscalatedAt is null && await TeamLeadOfAsync(db, assignee, ct) is { } lead)
            {
                await notify.EscalatedAsync(pqr, client, lead, assignee, left, ct);
                pqr.MarkEscalated(now);
            }
        }
    }

    /// <summary>The lead of the assignee's team, else their manager; nobody escalates to themselves.</summary>
    private static async Task<Person?> TeamLeadOfAsync(SalesBotDbContext db, Person assignee, CancellationToken ct)
    {
        if (assignee.TeamId is { } team)
        {
            var lead = await db.People.FirstOrDefaultAsync(p => p.TeamId == team && p.Id != assignee.Id && (p.Roles & Role.TeamLead) == Role.TeamLead, ct);
            if (lead is not null) return lead;
        }
        return assignee.ManagerId is { } manager ? await db.People.FindAsync([manager], ct) : null;
    }
}

/// <summary>When the PQR deadline reminders run.</summary>
public sealed class PqrDeadlineSchedule(IOptions<PqrOptions> options, BusinessCalendar calendar) : IDailyJob
{
    public string Name => "pqr-deadlines";
    public TimeOnly At => options.Value.RemindersAt;
    // Every working weekday, even an organisation holiday: a team with a calendar of its own may work
    // that day. Each item then skips the holidays of its own calendar.
    public bool RunsOn(DateOnly day) => calendar.IsWorkingWeekday(day);
}
