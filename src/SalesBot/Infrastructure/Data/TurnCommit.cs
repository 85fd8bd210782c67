using Microsoft.EntityFrameworkCore.Storage;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Makes a turn's changes durable. Once the returned task completes, the turn's rows are committed
/// and its replies may leave; if it fails, nothing of the turn was kept.
/// </summary>
public interface ITurnCommit
{
    /// <param name="db">the turn's context: what its handler changed (detected already, see <see cref="SalesBotDbContext.DetectChangesOnce"/>).</param>
    /// <param name="rows">the rows the pipeline writes itself, in the same transaction.</param>
    /// <param name="alone">commit in a transaction of the turn's own (a retry after its group failed).</param>
    Task SaveAsync(SalesBotDbContext db, TurnRows rows, bool alone, CancellationToken ct);
}

/// <summary>
/// Each turn in its own transaction. On PostgreSQL that is already a group commit where it matters:
/// the server flushes the write-ahead log once for all the commits waiting at that moment.
/// </summary>
public sealed class DirectTurnCommit : ITurnCommit
{
    public async Task SaveAsync(SalesBotDbContext db, TurnRows rows, bool alone, CancellationToken ct)
    {
        var changed = db.HasChanges();
        if (rows.IsEmpty)
        {
            if (changed) await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The handler's rows first: its outbox rows then precede the replies in their lane, as written.
        var connection = db.Database.GetDbConnection();
        if (changed && !await InsertOnlyChanges.TrySaveAsync(db, connection, transaction.GetDbTransaction(), ct))
            await db.SaveChangesWithoutSavepointAsync(ct);
        await rows.InsertAsync(db, connection, transaction.GetDbTransaction(), ct);
        await transaction.CommitAsync(ct);
    }
}

/// <summary>
/// A group's COMMIT failed: none of its turns was kept. Each is run again in a transaction of its
/// own, so one turn that cannot be committed does not take its neighbours with it.
/// </summary>
public sealed class GroupCommitFailedException(Exception inner)
    : Exception("The group commit this turn was part of failed; nothing of it was kept", inner);
