using SalesBot.Features.Clients;

namespace SalesBot.Features.Pipeline;

/// <summary>Creates a deal for a client the actor may see; its owner is the actor.</summary>
public sealed class CreateOpportunity(SalesBotDbContext db, SearchClients clients, IOptions<PipelineOptions> pipeline,
    IOptions<OrganizationOptions> organization, TimeProvider clock)
{
    public async Task<Result<Opportunity>> ExecuteAsync(Actor actor, Guid? clientId, OpportunityInput input, CancellationToken ct)
    {
        if (actor.PersonId is null || !(actor.Has(Role.Executive) || actor.Has(Role.TeamLead) || actor.Has(Role.Admin)))
            return DomainError.Forbidden("opportunities.create");
        var errors = new List<DomainError>();
        var client = clientId is { } id ? await clients.ByIdAsync(actor, id, ct) : DomainError.Invalid("client", "client");
        if (!client.Ok) errors.Add(client.Error!);
        var (terms, invalid) = input.Validate(organization.Value.Currency);
        errors.AddRange(invalid);
        if (errors.Count > 0) return Result<Opportunity>.Refused(errors);

        var clientSegment = client.Value!.Segment;
        var withSegment = terms! with { Segment = terms.Segment ?? clientSegment };
        var opportunity = new Opportunity(client.Value!.Id, actor.PersonId.Value, withSegment, Stage.Hunting,
            pipeline.Value.ProbabilityOf(Stage.Hunting), clock.GetUtcNow());
        db.Opportunities.Add(opportunity);
        return opportunity;
    }
}
