using SalesBot.Features.Pipeline;

namespace SalesBot.Features.Offers;

/// <summary>An offer with its chain, for cards and "mis aprobaciones"; visible to the requester, the approvers, and those who see the deal.</summary>
public sealed class ReadOffers(SalesBotDbContext db)
{
    public async Task<Result<Offer>> FindAsync(Actor actor, Guid offerId, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Steps).FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null) return DomainError.NotFound("offer", offerId.ToString());
        // Compared only for a registered person: someone unknown (no id) must not match an undecided step's empty decider.
        var involved = actor.PersonId is { } me
            && (offer.RequesterId == me || offer.Steps.Any(s => s.ApproverId == me || s.DecidedById == me));
        if (!involved)
        {
            var sees = await OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct)).AnyAsync(o => o.Id == offer.OpportunityId, ct);
            if (!sees) return DomainError.NotFound("offer", offerId.ToString());
        }
        return offer;
    }

    /// <summary>The steps waiting for the actor's decision, oldest first.</summary>
    public async Task<IReadOnlyList<ApprovalStep>> PendingForAsync(Actor actor, CancellationToken ct) =>
        actor.PersonId is not { } me ? [] : await db.ApprovalSteps.AsNoTracking().Where(s => s.ApproverId == me && s.Status == StepStatus.Pending)
            .OrderBy(s => s.AskedAt).Take(10).ToListAsync(ct);

    /// <summary>The latest offer of a deal the caller has already found visible, if it has one.</summary>
    public Task<Guid?> LatestOfAsync(Guid opportunityId, CancellationToken ct) =>
        db.Offers.Where(o => o.OpportunityId == opportunityId).OrderByDescending(o => o.Number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The offer as this unit of work has it, with its chain: a card sent in the turn of a change
    /// must show the change.
    /// </summary>
    public async Task<Offer> CurrentAsync(Guid offerId, CancellationToken ct)
    {
        var offer = db.Offers.Local.FirstOrDefault(o => o.Id == offerId) ?? await db.Offers.Include(o => o.Steps).FirstAsync(o => o.Id == offerId, ct);
        var entry = db.Entry(offer);
        if (entry.State is EntityState.Unchanged or EntityState.Modified && !entry.Collection(o => o.Steps).IsLoaded) await entry.Collection(o => o.Steps).LoadAsync(ct);
        return offer;
    }

    /// <summary>What an offer's card names: the deal, its client, and the requester's and approvers' names and Teams ids.</summary>
    public async Task<OfferCardFacts> CardFactsAsync(Offer offer, CancellationToken ct)
    {
        var deal = await db.Opportunities.Where(o => o.Id == offer.OpportunityId)
            .Select(o => new { o.Title, Client = db.Clients.Where(c => c.Id == o.ClientId).Select(c => c.Name).First() }).FirstAsync(ct);
        // A delegate who decided in an approver's place is named too.
        var ids = offer.Steps.Select(s => s.ApproverId).Concat(offer.Steps.Where(s => s.DecidedById is not null).Select(s => s.DecidedById!.Value))
            .Append(offer.RequesterId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.AadObjectId }).ToListAsync(ct);
        return new OfferCardFacts(deal.Title, deal.Client, people.ToDictionary(p => p.Id, p => p.Name), people.ToDictionary(p => p.Id, p => p.AadObjectId));
    }
}

/// <summary>The names an offer's card shows, and the people's Teams ids (whose copy refreshes itself).</summary>
public sealed record OfferCardFacts(string DealTitle, string ClientName, IReadOnlyDictionary<Guid, string> PeopleNames, IReadOnlyDictionary<Guid, string> AadObjectIds);
