using Microsoft.EntityFrameworkCore;
using SalesBot.Features.Organization;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

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

    /// <summary>
    /// The visible opportunity a user means: by id (from a card) or by words of its title or its
    /// client's name ("ferreteria suministro"). Several matches are returned for the user to choose.
    /// </summary>
    public static async Task<Result<IReadOnlyList<Opportunity>>> FindAsync(SalesBotDbContext db, Actor actor, string? reference, CancellationToken ct)
    {
        var visible = Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct));
        if (Guid.TryParse(reference, out var id))
            return await visible.Where(o => o.Id == id).ToListAsync(ct) is { Count: 1 } one ? one : DomainError.NotFound("opportunity", reference!);
        var terms = SearchTerms.Parse(reference);
        if (terms.IsEmpty) return DomainError.Invalid("opportunity-name", "opportunity");
        var folded = terms.Folded;
        var query = visible.Where(terms.AllMatch<Opportunity>((o, term) =>
            o.NormalizedTitle.Contains(term) || db.Clients.Any(c => c.Id == o.ClientId && c.NormalizedName.Contains(term))));
        var found = await query.OrderBy(o => o.Stage == Stage.Won || o.Stage == Stage.Lost).ThenBy(o => o.NormalizedTitle).Take(11).ToListAsync(ct);
        if (found.Count == 0) return DomainError.NotFound("opportunity", reference!.Trim());
        // An exact title wins over partial matches.
        return found.Where(o => o.NormalizedTitle == folded).ToList() is { Count: 1 } exact ? exact : found;
    }
}
