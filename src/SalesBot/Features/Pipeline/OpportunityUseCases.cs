using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesBot.Features.Clients;
using SalesBot.Features.Organization;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

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

public sealed record StageSummary(Stage Stage, int Count, decimal Total, decimal Weighted);

public sealed record OpportunitySummary(Guid Id, string Title, string ClientName, string OwnerName, Stage Stage, int Probability,
    decimal TotalValue, string Currency, DateOnly? ExpectedClose, DateTimeOffset LastActivityAt);

public sealed record PipelineView(IReadOnlyList<StageSummary> Stages, IReadOnlyList<OpportunitySummary> Open);

/// <summary>The pipeline the actor may see (own; a team lead the team's; directors all) by stage, with count, total and weighted value.</summary>
public sealed class ViewPipeline(SalesBotDbContext db)
{
    public const int ListLimit = 15;

    public async Task<Result<PipelineView>> ExecuteAsync(Actor actor, bool team, CancellationToken ct)
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
        var open = await visible.Where(o => o.Stage != Stage.Won && o.Stage != Stage.Lost)
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

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record HistoryEntry(DateTimeOffset At, string Who, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>A deal's history: every change, from the audit log, for those who may see the deal.</summary>
public sealed class OpportunityHistory(SalesBotDbContext db)
{
    public async Task<Result<(Opportunity Opportunity, IReadOnlyList<HistoryEntry> Entries)>> ExecuteAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var opportunity = await OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct)).AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null) return DomainError.NotFound("opportunity", id.ToString());
        var key = id.ToString();
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == nameof(Opportunity) && a.EntityId == key)
            .OrderBy(a => a.Id).Take(100).ToListAsync(ct);
        return (opportunity, rows.Select(a => new HistoryEntry(a.At, a.ActorName ?? a.ActorId, a.Action, Changes(a.Before, a.After))).ToList());
    }

    /// <summary>Bookkeeping fields change on every write and say nothing to a reader.</summary>
    private static readonly HashSet<string> Unshown = ["Version", "LastActivityAt", "NormalizedTitle", "Id", "CreatedAt", "MonthlyValue"];

    /// <summary>The fields that differ between two audit snapshots (all of them on creation).</summary>
    internal static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        static Dictionary<string, string?> Read(string? json) => json is null
            ? []
            : System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : p.Value.ToString());
        var old = Read(before);
        var current = Read(after);
        return current.Keys.Union(old.Keys)
            .Where(k => !Unshown.Contains(k))
            .Select(k => new FieldChange(k, old.GetValueOrDefault(k), current.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }
}
