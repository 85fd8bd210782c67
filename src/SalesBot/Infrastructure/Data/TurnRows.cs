using System.Data.Common;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// The rows the turn pipeline writes for every turn: the processed mark and the replies' outbox
/// rows. They go into the turn's transaction with plain INSERTs (<see cref="DirectInsert{T}"/>),
/// beside whatever the handler changed through the context; a turn whose handler changed nothing
/// ("ayuda") then needs no SaveChanges at all (bench/: its SaveChanges was 14 % of such a turn).
/// </summary>
public sealed class TurnRows
{
    /// <summary>The activity's de-duplication mark (none for an activity without an id).</summary>
    public ProcessedActivity? Mark { get; set; }

    /// <summary>The turn's replies, built by <see cref="OutboxWriter.ReplyRow"/>: handed off once the turn commits.</summary>
    public List<OutboxMessage> Replies { get; } = [];

    public bool IsEmpty => Mark is null && Replies.Count == 0;

    /// <summary>
    /// Inserts them in <paramref name="transaction"/>. A refused row is reported as SaveChanges
    /// reports one (a <see cref="DbUpdateException"/> around the provider's error), so the pipeline
    /// tells a race (the mark's unique key) from a real error the same way for both.
    /// </summary>
    public async Task InsertAsync(DbContext db, DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        try
        {
            if (Mark is not null) await DirectInsert<ProcessedActivity>.RunAsync(db, connection, transaction, Mark, ct);
            foreach (var reply in Replies) await DirectInsert<OutboxMessage>.RunAsync(db, connection, transaction, reply, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("The turn's own rows (its processed mark, its replies) could not be written", e);
        }
    }
}
