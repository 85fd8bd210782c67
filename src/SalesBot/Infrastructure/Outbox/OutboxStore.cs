using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Every write the <see cref="OutboxEngine"/> makes to outbox rows. A claim gives the row a new
/// fencing token; each later write of that delivery (renewal, retry, failure, delete) applies only
/// while the row still carries it, so a delivery that lost its claim to another changes nothing.
/// </summary>
public sealed class OutboxStore(IServiceScopeFactory scopes, ITurnCommit commit, TimeProvider clock, IOptions<OutboxOptions> options)
{
    private const int PollBatch = 200;
    private readonly TimeSpan _claimDuration = options.Value.ClaimDuration;

    /// <summary>
    /// Claims due rows that nobody holds, one by one with a conditional update (another instance may
    /// be polling too), leaving out the rows this process is already delivering.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimDueAsync(Func<long, bool> inFlight, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<OutboxMessage> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().Outbox.AsNoTracking()
                .Where(m => m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.Id)
                .Take(PollBatch)
                .ToListAsync(ct);
        }
        var until = now + _claimDuration;
        var claimed = new List<OutboxMessage>();
        foreach (var m in due.Where(m => !inFlight(m.Id)))
        {
            Guid? token = NewId.Next();
            var won = await WriteAsync(db => db.Outbox
                .Where(x => x.Id == m.Id && x.FailedAt == null && x.NextAttemptAt <= now && (x.ClaimedUntil == null || x.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimToken, token).SetProperty(x => x.ClaimedUntil, until), ct), ct);
            if (won != 1) continue;
            m.ClaimToken = token;
            m.ClaimedUntil = until;
            claimed.Add(m);
        }
        return claimed;
    }

    /// <summary>Extends the claim while the delivery runs; false when the row is no longer ours.</summary>
    public async Task<bool> RenewAsync(OutboxMessage m, CancellationToken ct)
    {
        var token = m.ClaimToken;
        var until = clock.GetUtcNow() + _claimDuration;
        var renewed = await WriteAsync(db => db.Outbox.Where(x => x.Id == m.Id && x.ClaimToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, until), ct), ct) == 1;
        // Renewals may finish out of order: the deadline follows the latest.
        if (renewed && (m.ClaimedUntil is null || until > m.ClaimedUntil)) m.ClaimedUntil = until;
        return renewed;
    }

    /// <summary>Another attempt at <paramref name="at"/>, by whoever claims it then.</summary>
    public Task<int> RetryLaterAsync(OutboxMessage m, int attempts, DateTimeOffset at, string error, CancellationToken ct)
    {
        var token = m.ClaimToken;
        var text = Truncate(error);
        return WriteAsync(db => db.Outbox.Where(x => x.Id == m.Id && x.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.NextAttemptAt, at)
            .SetProperty(x => x.ClaimToken, (Guid?)null)
            .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LastError, text), ct), ct);
    }

    /// <summary>Rows of a lane that wait behind an earlier one: released, due at the same time, so they are taken again in id order.</summary>
    public Task<int> ReleaseAsync(IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset at, string why, CancellationToken ct)
    {
        if (messages.Count == 0) return Task.FromResult(0);
        var tokens = messages.Select(m => m.ClaimToken).ToList();
        return WriteAsync(db => db.Outbox.Where(x => tokens.Contains(x.ClaimToken)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.NextAttemptAt, at)
            .SetProperty(x => x.ClaimToken, (Guid?)null)
            .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LastError, why), ct), ct);
    }

    /// <summary>Given up for good; kept for inspection. False when the row was no longer ours to fail.</summary>
    public async Task<bool> FailAsync(OutboxMessage m, int attempts, string error, CancellationToken ct)
    {
        var token = m.ClaimToken;
        var now = clock.GetUtcNow();
        var text = Truncate(error);
        return await WriteAsync(db => db.Outbox.Where(x => x.Id == m.Id && x.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.FailedAt, now)
            .SetProperty(x => x.ClaimToken, (Guid?)null)
            .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LastError, text), ct), ct) == 1;
    }

    /// <summary>Removes delivered rows (by key), each only under the claim that delivered it.</summary>
    public async Task<int> DeleteDeliveredAsync(IReadOnlyCollection<(long Id, Guid Token)> delivered, CancellationToken ct)
    {
        if (delivered.Count == 0) return 0;
        // SQLite: in the next group commit, on its writer, whose cache holds the rows it just wrote; one kept statement per row.
        if (commit is SqliteGroupCommit group) return await group.WriteInGroupAsync((db, connection, transaction) => DeleteEachAsync(db, connection, transaction, delivered, ct));
        var ids = delivered.Select(d => d.Id).ToList();
        // A token belongs to one claim of one row, so matching both lists is matching the pairs.
        var tokens = delivered.Select(d => (Guid?)d.Token).ToList();
        return await WriteAsync(db => db.Outbox.Where(x => ids.Contains(x.Id) && tokens.Contains(x.ClaimToken)).ExecuteDeleteAsync(ct), ct);
    }

    private static async Task<int> DeleteEachAsync(SalesBotDbContext db, DbConnection connection, DbTransaction transaction,
        IReadOnlyCollection<(long Id, Guid Token)> delivered, CancellationToken ct)
    {
        var sql = DeleteSql.GetValue(db.Model, _ => $"DELETE FROM {DirectRead<OutboxMessage>.Table(db)} WHERE {DirectRead<OutboxMessage>.Column(db, nameof(OutboxMessage.Id))} = $id " +
            $"AND {DirectRead<OutboxMessage>.Column(db, nameof(OutboxMessage.ClaimToken))} = $token");
        var deleted = 0;
        foreach (var row in delivered)
        {
            deleted += (int)(await KeptCommands.RunAsync(connection, transaction, sql, (db, row), static (command, s) =>
            {
                DirectRead<OutboxMessage>.Parameter(s.db, command, "$id", nameof(OutboxMessage.Id), s.row.Id);
                DirectRead<OutboxMessage>.Parameter(s.db, command, "$token", nameof(OutboxMessage.ClaimToken), s.row.Token);
            }, scalar: false, ct))!;
        }
        return deleted;
    }

    private static readonly ConditionalWeakTable<IModel, string> DeleteSql = new();

    /// <summary>A set-based write outside SaveChanges, queued behind this process's other SQLite writes.</summary>
    private async Task<int> WriteAsync(Func<SalesBotDbContext, Task<int>> write, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        using var held = await SqliteWriteGate.EnterIfSqliteAsync(scope.ServiceProvider, ct);
        return await write(db);
    }

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
