using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;

namespace SalesBot.Features.Renegotiations;

/// <summary>
/// The client's answer to the renegotiation's proposal: interested (its offer approved) changes the
/// contract: the deal is won and Legal and payroll are told; not interested records the reason and
/// loses the deal. The requester, their team lead or an administrator records it.
/// </summary>
public sealed class CloseRenegotiation(SalesBotDbContext db, IRenegotiationNotifications notify, IOptions<PipelineOptions> pipeline, TimeProvider clock)
{
    public async Task<Result<Renegotiation>> ExecuteAsync(Actor actor, Guid renegotiationId, bool interested, string? reason, CancellationToken ct)
    {
        var renegotiation = await db.Renegotiations.FirstOrDefaultAsync(r => r.Id == renegotiationId, ct);
        if (renegotiation is null) return DomainError.NotFound("renegotiation", renegotiationId.ToString());
        if (renegotiation.Status != RenegotiationStatus.Proposal || renegotiation.OpportunityId is not { } dealId) return new DomainError("renegotiation-not-proposal");
        var deal = await db.Opportunities.FirstAsync(o => o.Id == dealId, ct);
        if (!await OpportunityAccess.MayManageAsync(db, actor, deal, ct)) return DomainError.Forbidden("renegotiations.close");
        var now = clock.GetUtcNow();
        var client = await db.Clients.Where(c => c.Id == renegotiation.ClientId).Select(c => c.Name).FirstAsync(ct);
        if (!interested)
        {
            var why = reason?.Trim();
            if (string.IsNullOrEmpty(why) || why.Length > 500) return DomainError.Invalid("client-reason", "required-max", "500");
            renegotiation.ClientNotInterested(why, now);
            deal.MoveTo(Stage.Lost, 0, why, mayReopen: false, now);
            return renegotiation;
        }
        var offer = await db.Offers.Where(o => o.OpportunityId == dealId).OrderByDescending(o => o.Number).FirstOrDefaultAsync(ct);
        if (offer is null || offer.Status is not (OfferStatus.Approved or OfferStatus.SentToClient or OfferStatus.Accepted))
            return new DomainError("renegotiation-offer-not-approved");
        renegotiation.ContractChanged(now);
        if (deal.Stage != Stage.Won) deal.MoveTo(Stage.Won, pipeline.Value.ProbabilityOf(Stage.Won), null, mayReopen: false, now);
        // The contract and the operation change: Legal adjusts the contract, payroll the staffing.
        var told = await db.AreaContacts.Where(c => c.Area == Area.Legal || c.Area == Area.HumanResources).ToListAsync(ct);
        foreach (var contact in told)
        {
            var person = await db.People.FirstAsync(p => p.Id == contact.PersonId, ct);
            await notify.TellAsync(person, "renegotiations.changeNotice", [client, renegotiation.Requirement, offer.Number], ct);
        }
        return renegotiation;
    }

    /// <summary>The client's renegotiation waiting for its answer, if any (the client was found among those the caller sees).</summary>
    public Task<Guid?> InProposalOfAsync(Guid clientId, CancellationToken ct) =>
        db.Renegotiations.Where(r => r.ClientId == clientId && r.Status == RenegotiationStatus.Proposal).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
}
