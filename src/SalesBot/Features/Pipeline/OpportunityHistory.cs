namespace SalesBot.Features.Pipeline;

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// One line of a deal's history: the fields that changed, or a fact told in words (an approver's
/// decision). The fact's key is a text key; its arguments are names, numbers, <see cref="HistoryFact.Label"/>s
/// and <see cref="HistoryFact.Amount"/>s, which the reader's language and culture write.
/// </summary>
public sealed record HistoryEntry(DateTimeOffset At, string Who, string Action, IReadOnlyList<FieldChange> Changes, HistoryFact? Fact = null);

public sealed record HistoryFact(string Key, params object?[] Args)
{
    /// <summary>A code shown as its label in the reader's language (a text key).</summary>
    public sealed record Label(string Key);

    public sealed record Amount(decimal Value, string Currency);
}

/// <summary>
/// What else happened to a deal, told by the feature it happened in (an offer's approvals): the
/// deal's history is one list, and Pipeline does not reach into the features built on it.
/// </summary>
public interface IDealHistorySource
{
    Task<IReadOnlyList<HistoryEntry>> EntriesAsync(Guid opportunityId, CancellationToken ct);
}

/// <summary>A deal's history: every change, from the audit log and the features built on deals, for those who may see the deal.</summary>
public sealed class OpportunityHistory(SalesBotDbContext db, IEnumerable<IDealHistorySource> sources)
{
    /// <summary>The most lines a history shows: the latest ones.</summary>
    public const int MaxEntries = 100;

    public async Task<Result<(Opportunity Opportunity, IReadOnlyList<HistoryEntry> Entries)>> ExecuteAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var opportunity = await OpportunityAccess.Visible(db, actor, await ActorTeam.OfAsync(db, actor, ct)).AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null) return DomainError.NotFound("opportunity", id.ToString());
        var key = id.ToString();
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == nameof(Opportunity) && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(MaxEntries).ToListAsync(ct);
        // A write that changed only bookkeeping (the last activity, when an offer moved) says nothing to a reader.
        var entries = rows.Select(a => new HistoryEntry(a.At, a.ActorName ?? a.ActorId, a.Action, Changes(a.Before, a.After)))
            .Where(e => e.Changes.Count > 0).ToList();
        foreach (var source in sources) entries.AddRange(await source.EntriesAsync(id, ct));
        var latest = entries.OrderBy(e => e.At).TakeLast(MaxEntries).ToList();
        return (opportunity, await WithNamesAsync(latest, ct));
    }

    /// <summary>A history is read by people: the client and owner ids its snapshots hold become names.</summary>
    private async Task<IReadOnlyList<HistoryEntry>> WithNamesAsync(List<HistoryEntry> entries, CancellationToken ct)
    {
        var ids = entries.SelectMany(e => e.Changes).Where(c => c.Field is "ClientId" or "OwnerId")
            .SelectMany(c => new[] { c.Before, c.After }).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0) return entries;
        var names = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name })
            .Concat(db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name })).ToListAsync(ct);
        var byId = names.ToDictionary(n => n.Id.ToString(), n => n.Name, StringComparer.OrdinalIgnoreCase);
        string? Named(string field, string? value) => field is "ClientId" or "OwnerId" && value is not null ? byId.GetValueOrDefault(value, value) : value;
        return entries.Select(e => e with { Changes = e.Changes.Select(c => c with { Before = Named(c.Field, c.Before), After = Named(c.Field, c.After) }).ToList() }).ToList();
    }

    /// <summary>Bookkeeping fields change on every write and say nothing to a reader.</summary>
    private static readonly HashSet<string> Unshown = ["Version", "LastActivityAt", "NormalizedTitle", "Id", "CreatedAt", "MonthlyValue", "WeightedValue"];

    /// <summary>The fields that differ between two audit snapshots (all of them on creation).</summary>
    internal static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        var old = Infrastructure.Auditing.AuditSnapshot.Read(before);
        var current = Infrastructure.Auditing.AuditSnapshot.Read(after);
        return current.Keys.Union(old.Keys)
            .Where(k => !Unshown.Contains(k))
            .Select(k => new FieldChange(k, old.GetValueOrDefault(k), current.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }
}
