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
/// over once everything was copied. Other connections that write (rarely: not every write goes
/// through a group) keep SQLite's automatic checkpoint.
/// </summary>
public sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>
    /// How long writes gather before a checkpoint copies them. Under full load that is about as many
    /// pages as SQLite's own threshold of 1,000 ("ayuda": 3,000 turns a second, 3.8 pages each), so
    /// a page many turns change is copied once; when the bot is quiet, its last write is copied soon after.
    /// </summary>
    public static readonly TimeSpan DefaultGathering = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;
    private readonly TimeSpan _gathering;
    private readonly ILogger<SqliteCheckpointer> _logger;
    // One pending signal is enough: a checkpoint copies every commit before it.
    private readonly Channel<bool> _wrote = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private long _checkpoints;

    /// <param name="gathering">how long writes gather before a checkpoint (<see cref="DefaultGathering"/>); infinite: never (tests).</param>
    public SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> logger, TimeSpan? gathering = null)
    {
        _connectionString = connectionString;
        _logger = logger;
        _gathering = gathering ?? DefaultGathering;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The last checkpoint's outcome (null before the first): pages in the log, and how many of them are in the database file.</summary>
    public CheckpointResult? Last { get; private set; }

    /// <summary>Checkpoints run so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    public sealed record CheckpointResult(bool Busy, int LogPages, int CopiedPages);

    /// <summary>On the writer, once opened: its commits leave the copying to this checkpointer.</summary>
    public static async Task TurnOffAutomaticOn(SqliteConnection writer)
    {
        await using var pragma = writer.CreateCommand();
        pragma.CommandText = "PRAGMA wal_autocheckpoint = 0";
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
            var last = Last = await PassiveAsync(_connection, _stopping.Token);
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
