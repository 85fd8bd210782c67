using Microsoft.Extensions.Logging;
using Microsoft.Data.Sqlite;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Data;

/// <summary>
/// SQLite's write-ahead log is copied into the database file by <see cref="SqliteCheckpointer"/>,
/// on a connection of its own, not inside a group's COMMIT, where every queued turn waited for it.
/// </summary>
public sealed class CheckpointTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    private string ConnectionString => DataServiceCollectionExtensions.SqliteConnectionString(_database.Settings["Database:Path"]!);

    [Fact]
    public async Task What_the_turns_commit_is_copied_into_the_database_file_soon_after()
    {
        await using var bot = BotHost.Start(_database);
        var checkpointer = bot.Services.GetRequiredService<SqliteCheckpointer>();
        var users = Enumerable.Range(0, 3).Select(i => new Activities(_connector.ServiceUrl) { ConversationId = $"conv-ckpt-{i}", UserId = $"user-{i}", AadObjectId = null });

        foreach (var user in users) await bot.SendAsync(user.Message("ayuda"));
        await _connector.WaitForActivitiesAsync(3);

        await Wait.UntilAsync(() => checkpointer.Last is { LogPages: > 0 } last && last.CopiedPages == last.LogPages,
            "the checkpointer copied every page in the log");
    }

    [Fact]
    public async Task A_groups_commit_does_not_copy_the_log_itself_however_long_it_grows()
    {
        // A checkpointer that never gets round to it: whatever is copied would be by the commits.
        await using var bot = BotHost.Start(_database, s => s.AddSingleton(sp =>
            new SqliteCheckpointer(ConnectionString, sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<ILogger<SqliteCheckpointer>>(), Timeout.InfiniteTimeSpan)));
        var committer = (SqliteGroupCommit)bot.Services.GetRequiredService<ITurnCommit>();

        // 40 commits of 50 rows, a page each: past SQLite's own threshold of 1,000 pages, at which a commit would copy the log and start it over.
        for (var write = 0; write < 40; write++) await WritePagesAsync(committer, $"test|fill|{write}", 50);

        var log = await CheckpointAsync();
        Assert.True(log.LogPages > 1500, $"the log holds every page written since the start ({log.LogPages} pages)");
        Assert.Equal(0, bot.Services.GetRequiredService<SqliteCheckpointer>().Checkpoints);
    }

    [Fact]
    public async Task Under_writes_that_never_pause_the_log_starts_over_instead_of_growing()
    {
        // Checkpoints every few milliseconds, holding the writes back once the log is past 64 pages.
        await using var bot = BotHost.Start(_database, s => s.AddSingleton(sp =>
            new SqliteCheckpointer(ConnectionString, sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<ILogger<SqliteCheckpointer>>(),
                TimeSpan.FromMilliseconds(5), restartAt: 64)));
        var committer = (SqliteGroupCommit)bot.Services.GetRequiredService<ITurnCommit>();
        var checkpointer = bot.Services.GetRequiredService<SqliteCheckpointer>();

        // Four writers that never stop, so a commit is nearly always under way while the checkpointer copies:
        // 3,000 rows, 3,000 pages or more appended to the log in all.
        var rows = 0;
        async Task WriteAsync(int writer)
        {
            for (var batch = 0; Interlocked.Add(ref rows, 5) <= 3000; batch++) await WritePagesAsync(committer, $"test|steady|{writer}|{batch}", 5);
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(WriteAsync));

        // The log's file only grows until the log starts over: its length is the most the log ever held.
        var logPages = new FileInfo(_database.Settings["Database:Path"] + "-wal").Length / 4096;
        Assert.True(checkpointer.HeldWrites > 0, "the checkpointer held the writes back to finish");
        Assert.True(logPages < 1000, $"the log started over instead of growing: its file reached {logPages} pages for 3,000 written");
    }

    /// <summary>One group write of <paramref name="rows"/> rows of about a page each, keyed from <paramref name="key"/>.</summary>
    private static Task WritePagesAsync(SqliteGroupCommit committer, string key, int rows) =>
        committer.WriteInGroupAsync(async (db, connection, transaction) =>
        {
            for (var row = 0; row < rows; row++)
            {
                await DirectInsert<ProcessedActivity>.RunAsync(db, connection, transaction,
                    new ProcessedActivity { Key = $"{key}|{row}", ProcessedAt = DateTimeOffset.UtcNow, InvokeResponseJson = PageFiller }, CancellationToken.None);
            }
            return 0;
        });

    private static readonly string PageFiller = new('x', 3000);

    /// <summary>A passive checkpoint of the test's own: pages in the log, and how many are now in the database file.</summary>
    private async Task<SqliteCheckpointer.CheckpointResult> CheckpointAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return await SqliteCheckpointer.PassiveAsync(connection, CancellationToken.None);
    }
}
