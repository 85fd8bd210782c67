using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Copies the pages the group commits append to the write-ahead log back into the database file,
/// on a connection of its own, off the commit path. SQLite's own automatic checkpoint runs inside
/// the COMMIT that takes the log past 1,000 pages: that group's turns, and every turn queued behind
/// the write gate, waited for its page copies and its fsync of the database file, and on one core
/// the CPU sat partly idle meanwhile (bench/, eight paired runs of "ayuda" at 16 conversations:
/// the server used 86-91 % of its core; with this, 90-93 %, and a p99 of 11-13 ms instead of 14-19).
/// The group commit's writer turns the automatic checkpoint off (<see cref="TurnOffAutomaticOn"/>)
/// and tells this one of each commit (<see cref="Wrote"/>). A passive checkpoint blocks neither
/// the writer nor a reader: it copies what no reader still needs, and the writer starts the log
/// over once everything was copied. Under steady load that seldom happens on its own: the groups go
/// on appending while it copies, so the log grew for seconds at a time (bench/: 1.6 GB after two
/// minutes of "ayuda" at 16 conversations), and while each append extended the file a turn cost a
/// fifth to a third more CPU (320-364 µs against 264-278 in the seconds it did not grow). So once
/// the log is past <see cref="DefaultRestartAt"/> pages, a few more passes catch up with what was
/// appended meanwhile, and a last one copies the rest with the write gate held: no group writes
/// for those milliseconds (3-6, now and then up to 15), and the next one starts the log over.
/// Other connections that write (rarely: not every write goes through a group) keep SQLite's
/// automatic checkpoint.
/// </summary>
public sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>
    /// How long writes gather before a checkpoint copies them. Under full load that is about as many
    /// pages as SQLite's own threshold of 1,000 ("ayuda": 3,000 turns a second, 3.8 pages each), so
    /// a page many turns change is copied once; when the bot is quiet, its last write is copied soon after.
    /// </summary>
    public static readonly TimeSpan DefaultGathering = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The log's length (pages) from which a checkpoint holds the writes back to finish, so the log
    /// starts over: 64 MiB, about four seconds of "ayuda" at full load. At 4,096 pages (16 MiB) the
    /// writes were held back about once a second, and at 64 conversations, where a reader often kept
    /// the writer from starting the log over, two rounds of three cost 345 and 354 µs a turn (the
    /// two full runs before: 195-223 in five rounds of six, 345 in one); at 16,384, 225-241 µs
    /// (one 60 s run; the file bounded at <see cref="LogFileLimitBytes"/>).
    /// </summary>
    public const int DefaultRestartAt = 16384;

    /// <summary>Passes without the gate before the one with it: each copies what came during the one before.</summary>
    private const int MaxCatchUpPasses = 4;

    /// <summary>
    /// What the writer cuts the log's file back to when it starts the log over, after something (a
    /// long read that kept pages from being copied) let it grow: the space comes back, and the
    /// usual length stays allocated, so appends do not extend the file.
    /// </summary>
    public const long LogFileLimitBytes = 128L * 1024 * 1024;

    private readonly string _connectionString;
    private readonly SqliteWriteGate _gate;
    private readonly int _restartAt;
    private readonly TimeSpan _gathering;
    private readonly ILogger<SqliteCheckpointer> _logger;
    // One pending signal is enough: a checkpoint copies every commit before it.
    private readonly Channel<bool> _wrote = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private long _checkpoints;
    private long _heldWrites;
    private int _holdAt;

    /// <param name="gate">the groups' write gate, held to finish a checkpoint that writes outran.</param>
    /// <param name="gathering">how long writes gather before a checkpoint (<see cref="DefaultGathering"/>); infinite: never (tests).</param>
    /// <param name="restartAt">the log's length from which writes are held back to finish (<see cref="DefaultRestartAt"/>).</param>
    public SqliteCheckpointer(string connectionString, SqliteWriteGate gate, ILogger<SqliteCheckpointer> logger,
        TimeSpan? gathering = null, int restartAt = DefaultRestartAt)
    {
        _connectionString = connectionString;
        _gate = gate;
        _restartAt = _holdAt = restartAt;
        _logger = logger;
        _gathering = gathering ?? DefaultGathering;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The last checkpoint's outcome (null before the first): pages in the log, and how many of them are in the database file.</summary>
    public CheckpointResult? Last { get; private set; }

    /// <summary>Checkpoints run so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Checkpoints that held the writes back to finish (the log past its restart length).</summary>
    public long HeldWrites => Interlocked.Read(ref _heldWrites);

    public sealed record CheckpointResult(bool Busy, int LogPages, int CopiedPages);

    /// <summary>
    /// On the writer, once opened: its commits leave the copying to this checkpointer, and it cuts
    /// the log's file back to <see cref="LogFileLimitBytes"/> when it starts the log over.
    /// </summary>
    public static async Task TurnOffAutomaticOn(SqliteConnection writer)
    {
        await using var pragma = writer.CreateCommand();
        pragma.CommandText = $"PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {LogFileLimitBytes}";
        await pragma.ExecuteNonQueryAsync();
    }

    /// <summary>A group committed: its pages are in the log, to be copied soon.</summary>
    public void Wrote() => _wrote.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        try
        {
            while (await _wrote.Reader.WaitToReadAsync(_stopping.Token))
            {
                await Task.Delay(_gathering, _stopping.Token);
                _wrote.Reader.TryRead(out _); // what was written meanwhile is copied by this checkpoint
                await CheckpointAsync();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: SQLite copies what is left when its last connection closes.
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            if (_connection is null)
            {
                var connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync(_stopping.Token);
                _connection = connection;
            }
            var last = await PassiveAsync(_connection, _stopping.Token);
            // The log started over since the last round: the writes are held back again once it is long.
            if (last.LogPages < (Last?.LogPages ?? 0)) _holdAt = _restartAt;
            if (last.LogPages >= _holdAt) last = await FinishAsync(_connection, last);
            Last = last;
            Interlocked.Increment(ref _checkpoints);
            // A reader still needed some pages: they are copied on a later round, even if nothing more is written.
            if (last.CopiedPages < last.LogPages) Wrote();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The log only grows meanwhile; the next commit's signal tries again on a new connection.
            _logger.LogWarning(e, "Copying the SQLite write-ahead log into the database file failed; it is tried again after the next write");
            await DropConnectionAsync();
        }
    }

    /// <summary>
    /// Copies the rest of a long log, the last of it with the writes held back, so the next group's
    /// write starts the log over. <paramref name="last"/> is the pass just run.
    /// </summary>
    private async Task<CheckpointResult> FinishAsync(SqliteConnection connection, CheckpointResult last)
    {
        // Writes may have gone on while it copied (what a checkpoint answers is the log as it was
        // when it began), and SQLite syncs the database file only when it copied everything. More
        // passes copy what came meanwhile, until one finds nothing new since the pass before began:
        // that pass copied everything and synced the file (megabytes of pages, several milliseconds)
        // without holding anyone up. Then, with the writes held back, the little that came since, so
        // the next group's write can start the log over (unless a reader still needs some of it).
        for (var pass = 0; pass < MaxCatchUpPasses; pass++)
        {
            var next = await PassiveAsync(connection, _stopping.Token);
            var caughtUp = next.LogPages == last.LogPages;
            last = next;
            if (caughtUp) break;
        }
        using (await _gate.EnterAsync(_stopping.Token)) last = await PassiveAsync(connection, _stopping.Token);
        Interlocked.Increment(ref _heldWrites);
        // A reader that began before the copy was done keeps the writer from starting the log over;
        // then not again before the log has grown as much again, so the writes are held back at most
        // once per that many pages written.
        _holdAt = last.LogPages + _restartAt;
        return last;
    }

    /// <summary>A passive checkpoint on <paramref name="connection"/>: it copies what no reader still needs.</summary>
    internal static async Task<CheckpointResult> PassiveAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct); // the pragma always answers one row
        return new CheckpointResult(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2));
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is not { } connection) return;
        _connection = null;
        await connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _wrote.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
        await DropConnectionAsync();
        _stopping.Dispose();
    }
}
