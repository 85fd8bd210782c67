namespace SalesBot.Features.Pipeline;

/// <summary>
/// Who sees and changes which deals: an executive their own; a team lead their team's; directors
/// and administrators see all. Changes: the owner, their team lead, or an administrator.
/// </summary>
public static class OpportunityAccess
{
    public static bool SeesAll(Actor actor) =>
        actor.Has(Role.Admin) || actor.Has(Role.CommercialDirector) || actor.Has(Role.GeneralDirector);

    public static IQueryable<Opportunity> Visible(SalesBotDbContext db, Actor actor, Guid? actorTeamId)
    {
        if (SeesAll(actor)) return db.Opportunities;
        var me = actor.PersonId;
        if (actor.Has(Role.TeamLead) && actorTeamId is { } team)
        {
            var members = db.People.Where(p => p.TeamId == team).Select(p => p.Id);
            return db.Opportunities.Where(o => o.OwnerId == me || members.Contains(o.OwnerId));
        }
        return db.Opportunities.Where(o => me != null && o.OwnerId == me);
    }

    public static async Task<bool> MayManageAsync(SalesBotDbContext db, Actor actor, Opportunity opportunity, CancellationToken ct)
    {
        if (actor.Has(Role.Admin) || actor.PersonId == opportunity.OwnerId) return true;
        if (!actor.Has(Role.TeamLead)) return false;
        var team = await ActorTeam.OfAsync(db, actor, ct);
        var ownerTeam = await db.People.Where(p => p.Id == opportunity.OwnerId).Select(p => p.TeamId).FirstOrDefaultAsync(ct);
        return team is not null && team == ownerTeam;
    }
}
