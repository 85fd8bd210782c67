using Microsoft.EntityFrameworkCore;
using SalesBot.Features.Organization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Features.Offers;

/// <summary>What a click on an approval card did: decided it, or found it decided already (the current state, not an error).</summary>
public sealed record DecisionResult(Offer Offer, ApprovalStep Step, bool Decided);

/// <summary>
/// Records an approver's decision, exactly once: only the step's approver may decide, only while
/// the step is pending; a click on a decided step (a double click, a retry, a stale card, a second
/// approver) changes nothing and gets the current state. Approving asks the next approver or
/// approves the offer; rejecting or requesting changes ends the chain. The requester is told each
/// time and every copy of the offer's cards is updated.
/// </summary>
public sealed class DecideApproval(SalesBotDbContext db, Delegations delegations, IApprovalNotifications notifications, TimeProvider clock)
{
    public async Task<Result<DecisionResult>> ExecuteAsync(Actor actor, Guid stepId, Decision decision, string? comment, CancellationToken ct)
    {
        var step = await db.ApprovalSteps.FirstOrDefaultAsync(s => s.Id == stepId, ct);
        if (step is null) return DomainError.NotFound("approval", stepId.ToString());
        var offer = await db.Offers.FirstAsync(o => o.Id == step.OfferId, ct);
        if (step.IsDecided || offer.Status != OfferStatus.PendingApproval) return new DecisionResult(offer, step, Decided: false);
        if (actor.PersonId != step.ApproverId) return DomainError.Forbidden("offers.approve");

        var now = clock.GetUtcNow();
        if (step.Decide(decision, actor.PersonId!.Value, comment, now) is { } refused) return refused;
        var requester = await db.People.FirstAsync(p => p.Id == offer.RequesterId, ct);
        var approverName = actor.DisplayName;
        var steps = await db.ApprovalSteps.Where(s => s.OfferId == offer.Id).OrderBy(s => s.Order).ToListAsync(ct);
        if (decision == Decision.Approve)
        {
            if (steps.FirstOrDefault(s => s.Status == StepStatus.Waiting) is { } next)
            {
                var (nextApprover, deputy) = await delegations.StandInAsync(await db.People.FirstAsync(p => p.Id == next.ApproverId, ct), offer.RequesterId, ct);
                if (deputy) next.HandToDeputy(nextApprover.Id);
                next.Ask(now);
                await notifications.AskAsync(offer, next, nextApprover, ct);
                await notifications.TellRequesterAsync(offer, requester, "offers.stepApproved", [offer.Number, approverName, nextApprover.Name], ct);
            }
            else
            {
                offer.Conclude(OfferStatus.Approved, now);
                await notifications.TellRequesterAsync(offer, requester, "offers.approved", [offer.Number, approverName], ct);
            }
        }
        else
        {
            foreach (var waiting in steps.Where(s => s.Status == StepStatus.Waiting)) waiting.Skip();
            offer.Conclude(decision == Decision.Reject ? OfferStatus.Rejected : OfferStatus.ChangesRequested, now);
            await notifications.TellRequesterAsync(offer, requester, decision == Decision.Reject ? "offers.rejected" : "offers.changesRequested",
                [offer.Number, approverName, step.Comment], ct);
        }
        var opportunity = await db.Opportunities.FirstAsync(o => o.Id == offer.OpportunityId, ct);
        opportunity.Touch(now);
        await notifications.RefreshCardsAsync(offer, ct);
        return new DecisionResult(offer, step, Decided: true);
    }

    public async Task<Guid?> OfferOfStepAsync(Guid stepId, CancellationToken ct) =>
        await db.ApprovalSteps.Where(s => s.Id == stepId).Select(s => (Guid?)s.OfferId).FirstOrDefaultAsync(ct);
}

/// <summary>An offer with its chain, for cards and "mis aprobaciones"; visible to the requester, the approvers, and those who see the deal.</summary>
public sealed class ReadOffers(SalesBotDbContext db)
{
    public async Task<Result<(Offer Offer, IReadOnlyList<ApprovalStep> Steps)>> FindAsync(Actor actor, Guid offerId, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null) return DomainError.NotFound("offer", offerId.ToString());
        var steps = await db.ApprovalSteps.AsNoTracking().Where(s => s.OfferId == offerId).OrderBy(s => s.Order).ToListAsync(ct);
        // Compared only for a registered person: someone unknown (no id) must not match an undecided step's empty decider.
        var involved = actor.PersonId is { } me
            && (offer.RequesterId == me || steps.Any(s => s.ApproverId == me || s.DecidedById == me));
        if (!involved)
        {
            var sees = await OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct)).AnyAsync(o => o.Id == offer.OpportunityId, ct);
            if (!sees) return DomainError.NotFound("offer", offerId.ToString());
        }
        return (offer, steps);
    }

    /// <summary>The steps waiting for the actor's decision, oldest first.</summary>
    public async Task<IReadOnlyList<ApprovalStep>> PendingForAsync(Actor actor, CancellationToken ct) =>
        actor.PersonId is not { } me ? [] : await db.ApprovalSteps.AsNoTracking().Where(s => s.ApproverId == me && s.Status == StepStatus.Pending)
            .OrderBy(s => s.AskedAt).Take(10).ToListAsync(ct);
}
