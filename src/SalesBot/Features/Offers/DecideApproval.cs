namespace SalesBot.Features.Offers;

/// <summary>What a click on an approval card did, and who must hear of it (nothing when it changed nothing).</summary>
public sealed record DecisionResult(Offer Offer, ApprovalStep Step, bool Decided, IReadOnlyList<OfferNotice> Notices);

/// <summary>
/// Records an approver's decision, exactly once (the rules are the offer's: <see cref="Offer.Decide"/>);
/// a click on a decided step (a double click, a retry, a stale card, a second approver) changes
/// nothing and gets the current state. The requester is told each time and every copy of the
/// offer's cards is updated, by the caller, from the notices returned.
/// </summary>
public sealed class DecideApproval(SalesBotDbContext db, Delegations delegations, TimeProvider clock)
{
    public async Task<Result<DecisionResult>> ExecuteAsync(Actor actor, Guid stepId, Decision decision, string? comment, CancellationToken ct)
    {
        var offerId = await OfferOfStepAsync(stepId, ct);
        var offer = offerId is null ? null : await db.Offers.Include(o => o.Steps).FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null) return DomainError.NotFound("approval", stepId.ToString());
        // Someone unknown (no person) is nobody's approver: the offer refuses them, after saying whether it was decided already.
        var me = actor.PersonId ?? Guid.Empty;

        // Who would be asked next, looked up before the decision: a deputy stands in for someone away.
        var next = decision == Decision.Approve && offer.PendingStep?.Id == stepId ? offer.NextWaiting : null;
        (Person Person, bool Deputy)? nextApprover = next is null ? null : await delegations.StandInAsync(await db.People.FirstAsync(p => p.Id == next.ApproverId, ct), offer.RequesterId, ct);
        var now = clock.GetUtcNow();
        var decided = offer.Decide(stepId, me, decision, comment, nextApprover is { Deputy: true } d ? d.Person.Id : null, now);
        if (!decided.Ok) return decided.Error!;
        var outcome = decided.Value!;
        if (!outcome.Changed) return new DecisionResult(offer, outcome.Step, false, []);

        var notices = new List<OfferNotice>();
        var approverName = actor.DisplayName;
        if (outcome.NextAsked is { } asked)
        {
            notices.Add(new ApproverAsked(offer.Id, asked.ApproverId));
            notices.Add(new RequesterTold(offer.Id, offer.RequesterId, "offers.stepApproved", [offer.Number, approverName, nextApprover!.Value.Person.Name]));
        }
        else
        {
            notices.Add(new RequesterTold(offer.Id, offer.RequesterId, offer.Status switch
            {
                OfferStatus.Approved => "offers.approved",
                OfferStatus.Rejected => "offers.rejected",
                _ => "offers.changesRequested",
            }, offer.Status == OfferStatus.Approved ? [offer.Number, approverName] : [offer.Number, approverName, outcome.Step.Comment]));
        }
        notices.Add(new CardsChanged(offer.Id));
        var opportunity = await db.Opportunities.FirstAsync(o => o.Id == offer.OpportunityId, ct);
        opportunity.Touch(now);
        return new DecisionResult(offer, outcome.Step, true, notices);
    }

    public async Task<Guid?> OfferOfStepAsync(Guid stepId, CancellationToken ct) =>
        await db.ApprovalSteps.Where(s => s.Id == stepId).Select(s => (Guid?)s.OfferId).FirstOrDefaultAsync(ct);
}
