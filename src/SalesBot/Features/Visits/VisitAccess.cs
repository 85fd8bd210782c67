namespace SalesBot.Features.Visits;

/// <summary>
/// Who sees and changes which visits: an executive their own; a team lead their team's (and their
/// own); directors and administrators see all. Only the owner, their team lead or an administrator
/// changes a visit.
/// </summary>
public static class VisitAccess
{
    public static bool SeesAll(Actor actor) =>
        actor.Has(Role.Admin) || actor.Has(Role.CommercialDirector) || actor.Has(Role.GeneralDirector);

    /// <summary>Executives and team leads have visits of their own.</summary>
    public static bool Visits(Actor actor) => actor.PersonId is not null && (actor.Has(Role.Executive) || actor.Has(Role.TeamLead));

    public static IQueryable<Visit> Visible(SalesBotDbContext db, Actor actor, Guid? actorTeamId)
    {
        if (SeesAll(actor)) return db.Visits;
        var me = actor.PersonId;
        if (actor.Has(Role.TeamLead) && actorTeamId is { } team)
        {
            var members = db.People.Where(p => p.TeamId == team).Select(p => p.Id);
            return db.Visits.Where(v => v.OwnerId == me || members.Contains(v.OwnerId));
        }
        return db.Visits.Where(v => me != null && v.OwnerId == me);
    }

    /// <summary>Whether the actor may change the visits (and the visit plan) of this owner.</summary>
    public static bool MayManage(Actor actor, Guid? actorTeamId, Guid ownerId, Guid? ownerTeamId) =>
        actor.Has(Role.Admin)
        || actor.PersonId == ownerId
        || (actor.Has(Role.TeamLead) && actorTeamId is not null && ownerTeamId == actorTeamId);
}
