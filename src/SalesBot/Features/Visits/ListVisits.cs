namespace SalesBot.Features.Visits;

public sealed record VisitSummary(Guid Id, Guid OwnerId, DateTimeOffset Start, DateTimeOffset End, string ClientName, string OwnerName, VisitStatus Status,
    VisitType? Type, VisitOutcome? Outcome, string? Location, CalendarState CalendarState);

/// <summary>A visit with its client's name, as replies and forms show it.</summary>
public sealed record VisitOfClient(Visit Visit, string ClientName);

/// <summary>Visits in a span of days: mine, or my team's for a team lead (directors see everyone's).</summary>
public sealed class ListVisits(SalesBotDbContext db, Shared.Calendar.BusinessCalendar business)
{
    public const int Limit = 30;

    public async Task<Result<IReadOnlyList<VisitSummary>>> ExecuteAsync(Actor actor, DateOnly from, DateOnly to, bool team, CancellationToken ct)
    {
        if (actor.Roles == Role.None || actor.PersonId is null && !VisitAccess.SeesAll(actor)) return DomainError.Forbidden("visits.list");
        if (team && !actor.Has(Role.TeamLead) && !VisitAccess.SeesAll(actor)) return DomainError.Forbidden("visits.team");
        var start = business.StartOf(from);
        var end = business.StartOf(to.AddDays(1));
        var actorTeam = await ActorTeam.OfAsync(db, actor, ct);
        var visits = team ? VisitAccess.Visible(db, actor, actorTeam) : db.Visits.Where(v => v.OwnerId == actor.PersonId);
        return await visits
            .Where(v => v.Start >= start && v.Start < end && v.Status != VisitStatus.Cancelled)
            .OrderBy(v => v.Start)
            .Take(Limit)
            .Select(v => new VisitSummary(v.Id, v.OwnerId, v.Start, v.End,
                db.Clients.Where(c => c.Id == v.ClientId).Select(c => c.Name).First(),
                db.People.Where(p => p.Id == v.OwnerId).Select(p => p.Name).First(),
                v.Status, v.Type, v.Outcome, v.Location, v.CalendarState))
            .ToListAsync(ct);
    }

    /// <summary>One visit the actor may see, with its client's name (a visit id from a card is input like any other).</summary>
    public async Task<Result<VisitOfClient>> FindAsync(Actor actor, string? visitId, CancellationToken ct)
    {
        if (!Guid.TryParse(visitId, out var id)) return DomainError.NotFound("visit", visitId ?? "");
        var visible = VisitAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        var visit = await visible.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return DomainError.NotFound("visit", id.ToString());
        return new VisitOfClient(visit, await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct));
    }
}
