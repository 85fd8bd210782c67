using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Infrastructure.Auditing;

/// <summary>
/// Turns the tracked changes of business entities, and the rows a turn creates untracked, into
/// audit entries written in the same transaction (so the audit log can never disagree with the data).
/// </summary>
internal static class AuditWriter
{
    public static void AddEntries(DbContext db, AuditContext context, TimeProvider clock, Func<Type, bool> isAudited)
    {
        foreach (var entry in EntriesFor(db, context, clock, isAudited)) db.Add(entry);
    }

    /// <summary>
    /// The audit entries of the tracked changes, then of <paramref name="newRows"/> (rows the scope
    /// created without tracking them, see <c>SalesBotDbContext.AddNew</c>), not added to the context.
    /// </summary>
    public static List<AuditEntry> EntriesFor(DbContext db, IReadOnlyList<NewRow> newRows, AuditContext context, TimeProvider clock, Func<Type, bool> isAudited)
    {
        var audit = EntriesFor(db, context, clock, isAudited);
        if (newRows.Count == 0) return audit;
        var now = clock.GetUtcNow();
        foreach (var (row, type) in newRows)
        {
            if (!isAudited(type.ClrType)) continue;
            audit.Add(Entry(context, now, "created", type,
                string.Join("/", type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(row))),
                before: null, after: Snapshot(type, row, static (row, property) => property.GetGetter().GetClrValue(row))));
        }
        return audit;
    }

    /// <summary>The audit entries of the tracked changes, not added to the context.</summary>
    public static List<AuditEntry> EntriesFor(DbContext db, AuditContext context, TimeProvider clock, Func<Type, bool> isAudited)
    {
        var audit = new List<AuditEntry>();
        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => isAudited(e.Metadata.ClrType))
            .ToList();
        foreach (var entry in entries)
        {
            var action = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Deleted => "deleted",
                _ => "updated",
            };
            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified)) continue;
            audit.Add(Entry(context, now, action, entry.Metadata,
                string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                before: entry.State == EntityState.Added ? null : Snapshot(entry.Metadata, entry.OriginalValues, static (values, property) => values[property]),
                after: entry.State == EntityState.Deleted ? null : Snapshot(entry.Metadata, entry.CurrentValues, static (values, property) => values[property])));
        }
        return audit;
    }

    private static AuditEntry Entry(AuditContext context, DateTimeOffset now, string action, IEntityType type, string id, string? before, string? after) => new()
    {
        At = now,
        ActorId = context.ActorId,
        ActorName = context.ActorName,
        CorrelationId = context.CorrelationId,
        Action = action,
        EntityType = type.ClrType.Name,
        EntityId = id,
        Before = before,
        After = after,
    };

    /// <summary>
    /// The entity's values as a JSON object of property name to value, each written as its runtime
    /// type serializes; written straight from the entry's values (or the untracked row's), with no
    /// dictionary or property entries built for it (a logged visit has 28 properties: the snapshot
    /// was 1.5 % of its turn).
    /// </summary>
    private static string Snapshot<TValues>(IEntityType type, TValues values, Func<TValues, IProperty, object?> value)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in type.GetProperties())
            {
                if (property.IsShadowProperty() && !property.IsForeignKey()) continue;
                json.WritePropertyName(property.Name);
                JsonSerializer.Serialize(json, value(values, property));
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
