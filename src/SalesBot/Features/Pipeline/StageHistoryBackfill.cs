using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Features.Pipeline;

/// <summary>
/// The stage history of deals made before it was kept, rebuilt from the audit log: each audited
/// write that changed the stage is an entry, at its time. A deal without such entries enters its
/// current stage when it was created. Deals that already have a history are left alone.
/// </summary>
public sealed class StageHistoryBackfill(SalesBotDbContext db) : Infrastructure.Data.IDataBackfill
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var written = 0;
        while (true)
        {
            var deals = await db.Opportunities.AsNoTracking()
                .Where(o => !db.OpportunityStageChanges.Any(c => c.OpportunityId == o.Id))
                .OrderBy(o => o.Id).Select(o => new { o.Id, o.Stage, o.CreatedAt }).Take(Batch).ToListAsync(ct);
            if (deals.Count == 0) return written;
            var keys = deals.Select(d => d.Id.ToString()).ToList();
            var audits = await db.AuditLog.AsNoTracking()
                .Where(a => a.EntityType == nameof(Opportunity) && keys.Contains(a.EntityId))
                .OrderBy(a => a.Id).Select(a => new { a.EntityId, a.At, a.Before, a.After }).ToListAsync(ct);
            var byDeal = audits.ToLookup(a => a.EntityId);
            foreach (var deal in deals)
            {
                var changes = new List<OpportunityStageChange>();
                foreach (var audit in byDeal[deal.Id.ToString()])
                {
                    var before = StageOf(AuditSnapshot.Read(audit.Before));
                    if (StageOf(AuditSnapshot.Read(audit.After)) is { } after && after != before)
                        changes.Add(new OpportunityStageChange(deal.Id, before, after, audit.At));
                }
                if (changes.Count == 0) changes.Add(new OpportunityStageChange(deal.Id, null, deal.Stage, deal.CreatedAt));
                db.OpportunityStageChanges.AddRange(changes);
                written += changes.Count;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static Stage? StageOf(Dictionary<string, string?> snapshot) =>
        snapshot.GetValueOrDefault(nameof(Opportunity.Stage)) is { } value && Enum.TryParse<Stage>(value, out var stage) && Enum.IsDefined(stage) ? stage : null;
}
