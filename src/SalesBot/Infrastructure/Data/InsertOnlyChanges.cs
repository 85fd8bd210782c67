using System.Data.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// A turn's changes that are only new rows (a visit logged and its audit entry), tracked or added
/// untracked (<see cref="SalesBotDbContext.AddNew"/>), written with plain
/// INSERTs (<see cref="DirectInsert"/>) in the turn's transaction, in place of SaveChanges: its SQL
/// generation, command sorting and batching were 12 % of a logged visit's CPU (bench/, perf).
/// Anything else goes through SaveChanges: an update, a delete, a new row that references another
/// new row (SaveChanges orders those INSERTs), or a type <see cref="DirectInsert"/> cannot write.
/// What SaveChanges does around the INSERTs is done here too: the audit entries are written with
/// them (untracked), a generated key is set on its entry, the entries are accepted afterwards, and
/// a refused row is reported as a <see cref="DbUpdateException"/>.
/// </summary>
internal static class InsertOnlyChanges
{
    /// <summary>
    /// Saves the context's changes on <paramref name="connection"/> in <paramref name="transaction"/>
    /// if they are only insertable new rows; false (and nothing done) otherwise. The changes must be
    /// detected already (<see cref="SalesBotDbContext.DetectChangesOnce"/>).
    /// </summary>
    public static async Task<bool> TrySaveAsync(SalesBotDbContext db, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        if (!OnlyInsertable(db)) return false;
        // Written directly, never tracked: adding them to the context was EF's graph walk and snapshot for each (perf: 1.5 % of a logged visit).
        var audit = db.AuditEntries();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        try
        {
            foreach (var entry in added) await InsertAsync(db, connection, transaction, entry, ct);
            foreach (var (row, type) in db.NewRows) await DirectInsert.RunAsync(db, connection, transaction, type, row, ct);
            foreach (var entry in audit) await DirectInsert<AuditEntry>.RunAsync(db, connection, transaction, entry, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("A new row of the turn could not be written", e);
        }
        db.ChangeTracker.AcceptAllChanges();
        db.NewRowsSaved();
        return true;
    }

    private static async Task InsertAsync(DbContext db, DbConnection connection, DbTransaction transaction, EntityEntry entry, CancellationToken ct)
    {
        var key = await DirectInsert.RunAsync(db, connection, transaction, entry.Metadata, entry.Entity, ct);
        // Through the entry, not the object: the tracker holds the temporary key and must learn the real one.
        if (key is not null) entry.Property(DirectInsert.GeneratedKey(db, entry.Metadata)!).CurrentValue = key;
    }

    private static bool OnlyInsertable(SalesBotDbContext db)
    {
        if (DirectInsert.Unsupported(db, db.Model.FindEntityType(typeof(AuditEntry))!) is not null) return false;
        var added = new List<IEntityType>(2);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted) return false;
            if (entry.State != EntityState.Added) continue;
            if (!Insertable(db, entry.Metadata, added)) return false;
        }
        // A generated key would have to be set on the object and tracked: SaveChanges does that.
        foreach (var (_, type) in db.NewRows)
            if (!Insertable(db, type, added) || DirectInsert.GeneratedKey(db, type) is not null) return false;
        if (added.Count == 0) return false;
        // A new row that references a new row must follow it, which SaveChanges works out and a plain loop does not.
        foreach (var type in added)
            foreach (var key in type.GetForeignKeys())
                if (added.Contains(key.PrincipalEntityType)) return false;
        return true;
    }

    private static bool Insertable(DbContext db, IEntityType type, List<IEntityType> added)
    {
        if (DirectInsert.Unsupported(db, type) is not null) return false;
        if (!added.Contains(type)) added.Add(type);
        return true;
    }
}
