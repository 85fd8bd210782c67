namespace SalesBot.Features.Pqrs;

/// <summary>
/// Who sees which PQRs: the assignee theirs; a team lead their team's; customer service,
/// directors and administrators all.
/// </summary>
public static class PqrAccess
{
    public static IQueryable<Pqr> Visible(SalesBotDbContext db, Actor actor, Guid? actorTeamId)
    {
        if (actor.Has(Role.CustomerService) || actor.Has(Role.Admin) || actor.Has(Role.CommercialDirector) || actor.Has(Role.GeneralDirector))
            return db.Pqrs;
        var me = actor.PersonId;
        if (actor.Has(Role.TeamLead) && actorTeamId is { } team)
        {
            var members = db.People.Where(p => p.TeamId == team).Select(p => (Guid?)p.Id);
            // An unassigned PQR belongs to the team of its client's owner.
            return db.Pqrs.Where(p => p.AssigneeId == me || members.Contains(p.AssigneeId)
                || (p.AssigneeId == null && db.Clients.Any(c => c.Id == p.ClientId && members.Contains(c.OwnerId))));
        }
        return db.Pqrs.Where(p => me != null && p.AssigneeId == me);
    }
}
