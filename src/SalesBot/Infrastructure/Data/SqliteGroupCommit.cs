using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Group commit for SQLite: the turns that finish while a commit is under way are saved together
/// in the next transaction, one COMMIT and one fsync for all of them, instead of one each behind
/// the single-writer gate. Each turn's rows (its handler's changes, then <see cref="TurnRows"/>)
/// go in under a savepoint of their own, so a turn whose rows break a rule is rolled back alone and
/// told so; its neighbours are kept. If the COMMIT itself fails, no turn of the group was kept:
/// each is told <see cref="GroupCommitFailedException"/> and runs again alone.
/// Under no load a group is one turn, committed at once: nothing waits for company. The outbox's
/// deletes of delivered rows join the groups too (<see cref="WriteInGroupAsync{T}"/>).
/// The pages a group appends to the write-ahead log are copied into the database file by
/// <see cref="SqliteCheckpointer"/>, not inside its COMMIT.
/// </summary>
public sealed class SqliteGroupCommit : ITurnCommit, IAsyncDisposable
{
    /// <summary>The most turns in one transaction, so one commit's latency stays bounded.</summary>
    public const int MaxGroup = 64;

    private readonly IDbContextFactory<SqliteSalesBotDbContext> _contexts;
    private readonly SqliteWriteGate _gate;
    private readonly SqliteWriteGateInterceptor _gateInterceptor;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly ILogger<SqliteGroupCommit> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task _loop;

    public SqliteGroupCommit(IDbContextFactory<SqliteSalesBotDbContext> contexts, SqliteWriteGate gate, SqliteWriteGateInterceptor gateInterceptor,
        SqliteCheckpointer checkpointer, ILogger<SqliteGroupCommit> logger)
    {
        _checkpointer = checkpointer;
        _contexts = contexts;
        _gate = gate;
        _gateInterceptor = gateInterceptor;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Turns (and writes) waiting for the next group (not counting the group being committed).</summary>
    public int Waiting => _queue.Reader.Count; // a multi-reader channel counts (only the loop reads)

    /// <summary>Turns (and writes) in the group being committed (0 between groups).</summary>
    public int Committing => Volatile.Read(ref _committing);

    private int _committing;

    /// <summary>
    /// What waits for a group: a turn's changes and rows, or a write of its own (<see cref="WriteInGroupAsync{T}"/>),
    /// given the group's carrier context (for the model), connection and transaction.
    /// </summary>
    private sealed record Pending(Func<SalesBotDbContext, DbConnection, DbTransaction, Task> Write, TaskCompletionSource Done);

    private static TaskCompletionSource NewDone() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SaveAsync(SalesBotDbContext db, TurnRows rows, bool alone, CancellationToken ct)
    {
        var changed = db.HasChanges();
        // Nothing to write (a read-only turn with no reply): no reason to join a group.
        if (!changed && rows.IsEmpty) return Task.CompletedTask;
        var pending = new Pending((_, connection, transaction) => SaveTurnAsync(db, rows, changed, connection, transaction), NewDone());
        // Alone (or shutting down): a group of its own, committed now rather than queued.
        if (alone || !_queue.Writer.TryWrite(pending)) return CommitAloneAsync(pending);
        return pending.Done.Task;
    }

    private async Task CommitAloneAsync(Pending pending)
    {
        await CommitAsync([pending]);
        try
        {
            await pending.Done.Task;
        }
        catch (GroupCommitFailedException e) when (e.InnerException is { } commitFailure)
        {
            // Already alone: its COMMIT failed, which is the turn's failure, not a group's.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(commitFailure);
        }
    }

    private async Task RunAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
            Volatile.Write(ref _committing, group.Count);
            try
            {
                await CommitAsync(group);
            }
            catch (Exception e)
            {
                // CommitAsync answers every turn itself; this is a failure around it (the gate, a connection).
                _logger.LogError(e, "A group commit of {Count} turns failed before it could answer them", group.Count);
                foreach (var p in group) p.Done.TrySetException(new GroupCommitFailedException(e));
            }
            group.Clear();
            Volatile.Write(ref _committing, 0);
        }
    }

    private async Task CommitAsync(List<Pending> group)
    {
        // Answers are given once the group's fate is known: a turn told of a duplicate key then
        // finds the row that beat it when it runs again.
        var failures = new Exception?[group.Count];
        using var writing = await _gate.EnterAsync(CancellationToken.None);
        await using var carrier = await _contexts.CreateDbContextAsync();
        var ownConnection = carrier.Database.GetConnectionString()!;
        carrier.Database.SetDbConnection(await WriterAsync(ownConnection), contextOwnsConnection: false);
        var writerSound = false;
        try
        {
            await using var transaction = await carrier.Database.BeginTransactionAsync();
            var connection = carrier.Database.GetDbConnection();
            for (var i = 0; i < group.Count; i++) failures[i] = await SaveInAsync(group[i], carrier, connection, transaction.GetDbTransaction());
            try
            {
                await transaction.CommitAsync();
                writerSound = true;
                _checkpointer.Wrote();
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "The commit of a group of {Count} turns failed; each runs again alone", group.Count);
                for (var i = 0; i < group.Count; i++) failures[i] ??= new GroupCommitFailedException(e);
            }
        }
        finally
        {
            // Back to a connection of its own (a pooled context outlives the group).
            carrier.Database.SetDbConnection(null);
            carrier.Database.SetConnectionString(ownConnection);
            // After a failed COMMIT (or worse) the writer's state is not worth trusting: the next group opens another.
            if (!writerSound || Volatile.Read(ref _disposed)) await DropWriterAsync();
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure) group[i].Done.TrySetException(failure);
            else group[i].Done.TrySetResult();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in the next group's transaction, under a savepoint of its own,
    /// on the groups' writer: for the outbox's deletes of the rows it delivered. They ride on the
    /// turns' COMMIT and fsync instead of paying for their own, and the pages they change, those
    /// the groups have just appended to, are written to the WAL once with the group's (strace,
    /// "ayuda" at 16: WAL pages per turn 3.4 -> 2.9). The writer still has those pages in its cache
    /// (a connection of their own read them again after every group's commit). If the group's
    /// COMMIT fails, the write runs again in a transaction of its own, as a turn does.
    /// </summary>
    public async Task<T> WriteInGroupAsync<T>(Func<SalesBotDbContext, DbConnection, DbTransaction, Task<T>> write)
    {
        var result = default(T)!;
        Func<SalesBotDbContext, DbConnection, DbTransaction, Task> run = async (db, connection, transaction) => result = await write(db, connection, transaction);
        var pending = new Pending(run, NewDone());
        if (_queue.Writer.TryWrite(pending))
        {
            try
            {
                await pending.Done.Task;
                return result;
            }
            catch (GroupCommitFailedException)
            {
                pending = pending with { Done = NewDone() };
            }
        }
        // Shutting down, or its group's COMMIT failed: a transaction of its own.
        await CommitAloneAsync(pending);
        return result;
    }

    private SqliteConnection? _writer;
    private bool _disposed;

    /// <summary>
    /// The connection every group is written on, opened once and kept (only under the write gate),
    /// so the statements each turn runs stay prepared on it (<see cref="KeptCommands"/>).
    /// What a turn's savepoint must be able to undo (each page it changes, as it was) is kept in
    /// memory, not in a temporary file: past 64 KiB, about the pages a logged visit touches, SQLite
    /// spills it to a file it creates, writes and deletes for every turn (perf: open, pwrite, close
    /// and unlink were 2-3 % of a logged visit). The undo data is bounded by one group's changes.
    /// Its commits leave the checkpoint to <see cref="SqliteCheckpointer"/>.
    /// </summary>
    private async Task<SqliteConnection> WriterAsync(string connectionString)
    {
        if (_writer is { } open) return open;
        var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await using (var pragma = writer.CreateCommand())
        {
            pragma.CommandText = "PRAGMA temp_store = MEMORY";
            await pragma.ExecuteNonQueryAsync();
        }
        await SqliteCheckpointer.TurnOffAutomaticOn(writer);
        KeptCommands.KeepOn(writer);
        return _writer = writer;
    }

    private async Task DropWriterAsync()
    {
        if (_writer is not { } writer) return;
        _writer = null;
        KeptCommands.Forget(writer);
        await writer.DisposeAsync();
    }

    // One name for every turn: each is released (or rolled back and released) before the next begins.
    private const string BeginTurn = "SAVEPOINT turn", KeepTurn = "RELEASE turn", UndoTurn = "ROLLBACK TO turn";

    /// <summary>
    /// Writes one turn (or write) in the group's transaction, under a savepoint; its exception if it
    /// was rolled back. If even the rollback fails, the transaction is in doubt: that fails the whole group.
    /// </summary>
    private async Task<Exception?> SaveInAsync(Pending turn, SalesBotDbContext carrier, DbConnection connection, DbTransaction transaction)
    {
        await KeptCommands.RunAsync(connection, transaction, BeginTurn, 0, null, scalar: false, CancellationToken.None);
        try
        {
            await turn.Write(carrier, connection, transaction);
            await KeptCommands.RunAsync(connection, transaction, KeepTurn, 0, null, scalar: false, CancellationToken.None);
            return null;
        }
        catch (Exception e)
        {
            await KeptCommands.RunAsync(connection, transaction, UndoTurn, 0, null, scalar: false, CancellationToken.None);
            await KeptCommands.RunAsync(connection, transaction, KeepTurn, 0, null, scalar: false, CancellationToken.None);
            return e;
        }
    }

    /// <param name="changed">the handler changed something through the context (else its rows are all there is).</param>
    private async Task SaveTurnAsync(SalesBotDbContext db, TurnRows rows, bool changed, DbConnection connection, DbTransaction transaction)
    {
        // The handler's rows first: its outbox rows then precede the replies in their lane, as written.
        if (changed && !await InsertOnlyChanges.TrySaveAsync(db, connection, transaction, CancellationToken.None))
            await SaveChangesInAsync(db, connection, transaction);
        await rows.InsertAsync(db, connection, transaction, CancellationToken.None);
    }

    /// <summary>The handler's changes, saved by its context on the group's connection and in its transaction.</summary>
    private async Task SaveChangesInAsync(SalesBotDbContext db, DbConnection connection, DbTransaction transaction)
    {
        var ownConnection = db.Database.GetConnectionString();
        using var inGroup = _gateInterceptor.HeldByGroup(db);
        try
        {
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(transaction);
            await db.SaveChangesWithoutSavepointAsync(CancellationToken.None);
        }
        finally
        {
            // Back to a connection of its own (a pooled context outlives the turn).
            await db.Database.UseTransactionAsync(null);
            db.Database.SetDbConnection(null);
            db.Database.SetConnectionString(ownConnection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        // A turn committing alone at shutdown may still hold the writer: it is dropped once the gate is free.
        using var writing = await _gate.EnterAsync(CancellationToken.None);
        Volatile.Write(ref _disposed, true);
        await DropWriterAsync();
    }
}
