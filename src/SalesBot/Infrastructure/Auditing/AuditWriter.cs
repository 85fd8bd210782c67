using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace SalesBot.Infrastructure.Auditing;

/// <summary>
/// Turns the tracked changes of business entities into audit entries, inside the same SaveChanges
/// (so the audit log can never disagree with the data).
/// </summary>
internal static class AuditWriter
{
    public static void AddEntries(DbContext db, AuditContext context, TimeProvider clock, Func<Type, bool> isAudited)
    {
        foreach (var entry in EntriesFor(db, context, clock, isAudited)) db.Add(entry);
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
            audit.Add(new AuditEntry
            {
                At = now,
                ActorId = context.ActorId,
                ActorName = context.ActorName,
                CorrelationId = context.CorrelationId,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
            });
        }
        return audit;
    }

    /// <summary>
    /// The entity's values as a JSON object of property name to value, each written as its runtime
    /// type serializes; written straight from the entry's values, with no dictionary or property
    /// entries built for it (a logged visit has 28 properties: the snapshot was 1.5 % of its turn).
    /// </summary>
    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in entry.Metadata.GetProperties())
            {
                if (property.IsShadowProperty() && !property.IsForeignKey()) continue;
                json.WritePropertyName(property.Name);
                JsonSerializer.Serialize(json, values[property]);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
