namespace SalesBot.Features.Visits;

/// <summary>Cancels a scheduled visit (its owner, their team lead, an administrator); the calendar event is cancelled too.</summary>
public sealed class CancelVisit(SalesBotDbContext db, IVisitCalendar calendar)
{
    public async Task<Result<VisitOfClient>> ExecuteAsync(Actor actor, Guid visitId, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return DomainError.NotFound("visit", visitId.ToString());
        var ownerTeam = await db.People.Where(p => p.Id == visit.OwnerId).Select(p => p.TeamId).FirstOrDefaultAsync(ct);
        if (!VisitAccess.MayManage(actor, await ActorTeam.OfAsync(db, actor, ct), visit.OwnerId, ownerTeam)) return DomainError.Forbidden("visits.cancel");
        if (visit.Cancel(calendar.IsExternal) is { } refused) return refused;
        if (calendar.IsExternal) calendar.RequestSync(visit);
        return new VisitOfClient(visit, await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct));
    }
}
