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
            db.Add(new AuditEntry
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
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = entry.Properties
            .Where(p => !p.Metadata.IsShadowProperty() || p.Metadata.IsForeignKey())
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values);
    }
}
