namespace SalesBot.Features.Pipeline;

public sealed record StageSummary(Stage Stage, int Count, decimal Total, decimal Weighted);

public sealed record OpportunitySummary(Guid Id, string Title, string ClientName, string OwnerName, Stage Stage, int Probability,
    decimal TotalValue, string Currency, DateOnly? ExpectedClose, DateTimeOffset LastActivityAt);

public sealed record PipelineView(IReadOnlyList<StageSummary> Stages, IReadOnlyList<OpportunitySummary> Open);

/// <summary>The pipeline the actor may see (own; a team lead the team's; directors all) by stage, with count, total and weighted value.</summary>
public sealed class ViewPipeline(SalesBotDbContext db)
{
    public const int ListLimit = 15;

    /// <param name="only">a stage to list the deals of ("¿qué tengo en negociación?"); the totals stay the whole funnel's.</param>
    public async Task<Result<PipelineView>> ExecuteAsync(Actor actor, bool team, CancellationToken ct, Stage? only = null)
    {
        if (actor.Roles == Role.None) return DomainError.Forbidden("opportunities.list");
        if (team && !actor.Has(Role.TeamLead) && !OpportunityAccess.SeesAll(actor)) return DomainError.Forbidden("opportunities.team");
        var visible = team ? OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct)) : db.Opportunities.Where(o => o.OwnerId == actor.PersonId);
        // Counts and sums run in the database (money is integer hundredths on SQLite), whatever the pipeline's size.
        var totals = await visible.GroupBy(o => o.Stage)
            .Select(g => new StageSummary(g.Key, g.Count(), g.Sum(o => o.TotalValue), g.Sum(o => o.WeightedValue)))
            .ToListAsync(ct);
        var stages = Enum.GetValues<Stage>()
            .Select(s => totals.FirstOrDefault(t => t.Stage == s) ?? new StageSummary(s, 0, 0m, 0m))
            .ToList();
        // Stages are stored by name: the latest stage first is the funnel's order, not the alphabet's.
        var listed = only is { } stage ? visible.Where(o => o.Stage == stage) : visible.Where(o => o.Stage != Stage.Won && o.Stage != Stage.Lost);
        var open = await listed
            .OrderByDescending(o => o.Stage == Stage.Negotiation ? 3 : o.Stage == Stage.Proposal ? 2 : o.Stage == Stage.Qualification ? 1 : 0)
            .ThenByDescending(o => o.TotalValue)
            .Take(ListLimit)
            .Select(o => new OpportunitySummary(o.Id, o.Title, db.Clients.Where(c => c.Id == o.ClientId).Select(c => c.Name).First(),
                db.People.Where(p => p.Id == o.OwnerId).Select(p => p.Name).First(), o.Stage, o.Probability, o.TotalValue, o.Currency,
                o.ExpectedClose, o.LastActivityAt))
            .ToListAsync(ct);
        return new PipelineView(stages, open);
    }
}
