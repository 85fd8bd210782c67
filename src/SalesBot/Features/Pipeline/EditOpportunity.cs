namespace SalesBot.Features.Pipeline;

/// <summary>Changes a deal's terms (owner, their team lead, administrators); a closed deal keeps its terms.</summary>
public sealed class EditOpportunity(SalesBotDbContext db, IOptions<PipelineOptions> pipeline, TimeProvider clock)
{
    public async Task<Result<Opportunity>> ExecuteAsync(Actor actor, Guid id, OpportunityInput input, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null) return DomainError.NotFound("opportunity", id.ToString());
        if (!await OpportunityAccess.MayManageAsync(db, actor, opportunity, ct)) return DomainError.Forbidden("opportunities.edit");
        if (opportunity.IsClosed) return new DomainError("opportunity-closed", opportunity.Title);
        var (terms, errors) = input.Validate(opportunity.Currency);
        if (terms is null) return Result<Opportunity>.Refused(errors);
        opportunity.Apply(terms with { Segment = terms.Segment ?? opportunity.Segment }, pipeline.Value.ProbabilityOf(opportunity.Stage), clock.GetUtcNow());
        return opportunity;
    }
}
