namespace SalesBot.Features.Pipeline;

/// <summary>
/// Moves a deal to another stage (owner, their team lead, administrators): forward or back while
/// open; Lost needs a reason; only a team lead (or an administrator) reopens a Lost deal.
/// </summary>
public sealed class MoveOpportunity(SalesBotDbContext db, IOptions<PipelineOptions> pipeline, TimeProvider clock)
{
    public async Task<Result<Opportunity>> ExecuteAsync(Actor actor, Guid id, Stage target, string? lostReason, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null) return DomainError.NotFound("opportunity", id.ToString());
        if (!await OpportunityAccess.MayManageAsync(db, actor, opportunity, ct)) return DomainError.Forbidden("opportunities.move");
        var mayReopen = actor.Has(Role.TeamLead) || actor.Has(Role.Admin);
        if (opportunity.MoveTo(target, pipeline.Value.ProbabilityOf(target), lostReason, mayReopen, clock.GetUtcNow()) is { } refused) return refused;
        return opportunity;
    }
}
