namespace SalesBot.Features.Pqrs;

/// <summary>
/// The timeliness figures of one person, one team or everyone for a period. Of the PQRs due in the
/// period, those already decided count: answered on time, answered late, and overdue without an
/// answer. Those still within their term (pending) do not count yet, since they can still be on time.
/// </summary>
public sealed record TimelinessFigures(string Name, string? Team, int OnTime, int Late, int Overdue, int Pending)
{
    /// <summary>The PQRs due in the period whose outcome is known: the indicator's denominator.</summary>
    public int Due => OnTime + Late + Overdue;

    /// <summary>Answered on time / due; null when nothing was due yet.</summary>
    public decimal? Rate => Due == 0 ? null : Math.Round(100m * OnTime / Due, 1);

    public static TimelinessFigures Sum(string name, string? team, IEnumerable<TimelinessFigures> rows)
    {
        var list = rows.ToList();
        return new(name, team, list.Sum(r => r.OnTime), list.Sum(r => r.Late), list.Sum(r => r.Overdue), list.Sum(r => r.Pending));
    }
}

public sealed record TimelinessReport(ReportingPeriod Period, IReadOnlyList<TimelinessFigures> People, IReadOnlyList<TimelinessFigures> Teams, TimelinessFigures Total);

/// <summary>
/// PQR timeliness (PRODUCT.md: answered on time / due) per executive and per team, over the PQRs
/// the actor may see: an executive their own, a team lead their team's, directors and customer
/// service everyone's.
/// </summary>
public sealed class PqrTimeliness(SalesBotDbContext db, Shared.Calendar.BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<Result<TimelinessReport>> ExecuteAsync(Actor actor, ReportingPeriod period, CancellationToken ct)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("pqrs.timeliness");
        var today = calendar.LocalDate(clock.GetUtcNow());
        var team = await ActorTeam.OfAsync(db, actor, ct);
        // Counted in the database, one row per assignee, however many PQRs the period holds.
        var counts = await PqrAccess.Visible(db, actor, team)
            .Where(p => p.DueDate >= period.From && p.DueDate <= period.To)
            .GroupBy(p => p.AssigneeId)
            .Select(g => new
            {
                AssigneeId = g.Key,
                OnTime = g.Count(p => (p.Status == PqrStatus.Answered || p.Status == PqrStatus.Closed) && p.AnsweredOnTime == true),
                Late = g.Count(p => (p.Status == PqrStatus.Answered || p.Status == PqrStatus.Closed) && p.AnsweredOnTime != true),
                // On its due date a PQR can still be answered on time: it is overdue from the next day.
                Overdue = g.Count(p => p.Status != PqrStatus.Answered && p.Status != PqrStatus.Closed && p.DueDate < today),
                Pending = g.Count(p => p.Status != PqrStatus.Answered && p.Status != PqrStatus.Closed && p.DueDate >= today),
            })
            .ToListAsync(ct);
        var ids = counts.Where(c => c.AssigneeId != null).Select(c => c.AssigneeId!.Value).ToList();
        var people = await db.People.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Team = p.Team == null ? null : p.Team.Name })
            .ToDictionaryAsync(p => p.Id, ct);

        var rows = counts
            .Select(c =>
            {
                var who = c.AssigneeId is { } id && people.TryGetValue(id, out var person) ? person : null;
                return new TimelinessFigures(who?.Name ?? "", who?.Team, c.OnTime, c.Late, c.Overdue, c.Pending);
            })
            .OrderBy(r => r.Team ?? "\uffff", StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var teams = rows.Where(r => r.Team is not null).GroupBy(r => r.Team!)
            .Select(g => TimelinessFigures.Sum(g.Key, g.Key, g))
            .ToList();
        return new TimelinessReport(period, rows, teams, TimelinessFigures.Sum("", null, rows));
    }
}
