using SalesBot.Features.Pipeline;

namespace SalesBot.Features.Offers;

/// <summary>
/// After approval: the executive sends the offer to the client, and records the client's answer.
/// Accepted wins the deal; declined keeps it open (the executive may then mark it lost) with the
/// client's reason recorded. The deal's owner, their team lead and administrators do this.
/// </summary>
public sealed class ClientDecision(SalesBotDbContext db, IOptions<PipelineOptions> pipeline, TimeProvider clock)
{
    public async Task<Result<(Offer Offer, Opportunity Deal)>> MarkSentAsync(Actor actor, Guid opportunityId, CancellationToken ct)
    {
        var found = await LatestAsync(actor, opportunityId, ct);
        if (!found.Ok) return found.Error!;
        var (offer, deal) = found.Value;
        if (offer.MarkSent() is { } refused) return refused.About(deal.Title);
        deal.Touch(clock.GetUtcNow());
        return (offer, deal);
    }

    public async Task<Result<(Offer Offer, Opportunity Deal)>> RecordAsync(Actor actor, Guid opportunityId, bool accepted, string? reason, CancellationToken ct)
    {
        var found = await LatestAsync(actor, opportunityId, ct);
        if (!found.Ok) return found.Error!;
        var (offer, deal) = found.Value;
        var now = clock.GetUtcNow();
        if (reason is { Length: > 500 }) return DomainError.Invalid("client-reason", "required-max", "500");
        if (offer.ClientDecided(accepted, reason, now) is { } refused) return refused.About(deal.Title);
        if (accepted && deal.MoveTo(Stage.Won, pipeline.Value.ProbabilityOf(Stage.Won), null, false, now) is { } cannot) return cannot;
        if (!accepted) deal.Touch(now);
        return (offer, deal);
    }

    private async Task<Result<(Offer, Opportunity)>> LatestAsync(Actor actor, Guid opportunityId, CancellationToken ct)
    {
        var deal = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == opportunityId, ct);
        if (deal is null) return DomainError.NotFound("opportunity", opportunityId.ToString());
        if (!await OpportunityAccess.MayManageAsync(db, actor, deal, ct)) return DomainError.Forbidden("offers.client");
        var offer = await db.Offers.Where(o => o.OpportunityId == opportunityId).OrderByDescending(o => o.Number).FirstOrDefaultAsync(ct);
        if (offer is null) return new DomainError("offer-none", deal.Title);
        return (offer, deal);
    }
}
