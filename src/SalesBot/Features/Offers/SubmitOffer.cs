using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Offers;

/// <summary>
/// Submits an offer for an opportunity the actor manages: it gets the next version number, its
/// approval chain from the policy, and the first approver is asked. One offer per opportunity is
/// in approval at a time. The deal moves to Proposal if it was earlier.
/// </summary>
public sealed class SubmitOffer(SalesBotDbContext db, ApproverResolver approvers, Delegations delegations,
    IOptions<ApprovalOptions> options, IOptions<PipelineOptions> pipeline, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<Result<SubmittedOffer>> ExecuteAsync(
        Actor actor, Guid opportunityId, OfferInput input, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == opportunityId, ct);
        if (opportunity is null) return DomainError.NotFound("opportunity", opportunityId.ToString());
        if (actor.PersonId is null || !await OpportunityAccess.MayManageAsync(db, actor, opportunity, ct)) return DomainError.Forbidden("offers.submit");
        if (opportunity.IsClosed) return new DomainError("opportunity-closed", opportunity.Title);
        if (await db.Offers.AnyAsync(o => o.OpportunityId == opportunityId && o.Status == OfferStatus.PendingApproval, ct))
            return new DomainError("offer-in-approval", opportunity.Title);

        var now = clock.GetUtcNow();
        var errors = new List<DomainError>();
        var terms = input.Validate(calendar.LocalDate(now), errors);
        if (terms is null) return Result<SubmittedOffer>.Refused(errors);

        var requester = await db.People.FirstAsync(p => p.Id == actor.PersonId, ct);
        var (lines, discount, risk, validUntil, notes) = terms.Value;
        var number = await db.Offers.Where(o => o.OpportunityId == opportunityId).Select(o => (int?)o.Number).MaxAsync(ct) ?? 0;
        var offer = new Offer(opportunityId, number + 1, requester.Id, lines, discount, risk, validUntil, notes, opportunity.Currency, now);
        var chain = await approvers.ResolveAsync(requester, ApprovalPolicy.LevelsFor(offer.Total, offer.DiscountPercent, offer.Risk, options.Value), ct);
        if (!chain.Ok) return chain.Error!;

        var (first, deputy) = await delegations.StandInAsync(chain.Value![0].Approver, requester.Id, ct);
        var asked = offer.Submit(chain.Value!.Select(c => new ChainLink(c.Level, c.Approver.Id, c.Because)).ToList(), deputy ? first.Id : null, now);
        db.Offers.Add(offer);
        if (opportunity.Stage < Stage.Proposal) opportunity.MoveTo(Stage.Proposal, pipeline.Value.ProbabilityOf(Stage.Proposal), null, false, now);
        else opportunity.Touch(now);
        var approverNames = chain.Value!.Select(c => c.Approver).Append(first).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Name);
        return new SubmittedOffer(offer, [new ApproverAsked(offer.Id, asked.ApproverId)], approverNames);
    }
}

/// <summary>A submitted offer, who must hear of it (its first approver), and the names of its chain's approvers for the reply.</summary>
public sealed record SubmittedOffer(Offer Offer, IReadOnlyList<OfferNotice> Notices, IReadOnlyDictionary<Guid, string> ApproverNames);
