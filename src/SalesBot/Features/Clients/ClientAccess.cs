namespace SalesBot.Features.Clients;

/// <summary>
/// Who may see and change which clients: an executive their own; a team lead their team's (and
/// their own); directors and administrators all; customer service sees all (it files PQRs for any
/// client) but changes none.
/// </summary>
public static class ClientAccess
{
    public static bool SeesAll(Actor actor) =>
        actor.Has(Role.Admin) || actor.Has(Role.CommercialDirector) || actor.Has(Role.GeneralDirector) || actor.Has(Role.CustomerService);

    public static bool ManagesAll(Actor actor) =>
        actor.Has(Role.Admin) || actor.Has(Role.CommercialDirector) || actor.Has(Role.GeneralDirector);

    public static bool MayCreate(Actor actor) => ManagesAll(actor) || actor.Has(Role.Executive) || actor.Has(Role.TeamLead);

    /// <summary>
    /// Whose clients the actor sees: everyone's, or their own (<see cref="ClientScope.Owner"/>) and,
    /// for a team lead, their team's (<see cref="ClientScope.Team"/>). The queries below and the
    /// compiled lookup in <see cref="SearchClients"/> are both built from it.
    /// </summary>
    public static ClientScope ScopeOf(Actor actor, Guid? actorTeamId) =>
        SeesAll(actor) ? new ClientScope(true, null, null) : new ClientScope(false, actor.PersonId, actor.Has(Role.TeamLead) ? actorTeamId : null);

    /// <summary>The clients the actor may see, as a query (filtered in the database).</summary>
    public static IQueryable<Client> Visible(SalesBotDbContext db, Actor actor, Guid? actorTeamId)
    {
        var scope = ScopeOf(actor, actorTeamId);
        if (scope.All) return db.Clients;
        var me = scope.Owner;
        if (scope.Team is { } team)
        {
            var teamIds = db.People.Where(p => p.TeamId == team).Select(p => (Guid?)p.Id);
            return db.Clients.Where(c => c.OwnerId == me || teamIds.Contains(c.OwnerId));
        }
        return db.Clients.Where(c => me != null && c.OwnerId == me);
    }

    /// <summary>Whether the actor may make <paramref name="owner"/> the owner of a client (null: unassigned).</summary>
    public static bool MayAssignOwner(Actor actor, Guid? actorTeamId, Person? owner)
    {
        if (ManagesAll(actor)) return true;
        if (owner is null) return false;
        if (owner.Id == actor.PersonId) return true;
        return actor.Has(Role.TeamLead) && actorTeamId is not null && owner.TeamId == actorTeamId;
    }
}

/// <summary>Whose clients an actor sees (<see cref="ClientAccess.ScopeOf"/>): all, or an owner's and a team's.</summary>
public readonly record struct ClientScope(bool All, Guid? Owner, Guid? Team);
