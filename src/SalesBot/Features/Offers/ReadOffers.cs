using Microsoft.EntityFrameworkCore;
using SalesBot.Features.Organization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

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
}
