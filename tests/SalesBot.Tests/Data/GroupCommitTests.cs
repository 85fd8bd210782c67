using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Data;

/// <summary>
/// SQLite's group commit (<see cref="SqliteGroupCommit"/>): turns that finish together share one
/// transaction, and still no reply leaves before its turn is durable, a retried activity is
/// processed once, and one turn that cannot be kept does not fail its neighbours.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();
    private readonly CommitFaults _faults = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    /// <summary>
    /// When armed, fails the COMMIT of the first group of several turns (a transaction begun by the
    /// committer's own context, which tracks nothing, while it commits a group).
    /// </summary>
    private sealed class CommitFaults : DbTransactionInterceptor
    {
        public SqliteGroupCommit? FailNextGroupOf { get; set; }
        public int FailedGroups;

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken ct = default)
        {
            if (FailNextGroupOf is { Committing: >= 2 } && !eventData.Context!.ChangeTracker.Entries().Any())
            {
                FailNextGroupOf = null;
                Interlocked.Increment(ref FailedGroups);
                throw new InvalidOperationException("disk I/O error (injected by the test)");
            }
            return ValueTask.FromResult(result);
        }
    }

    private const string RanAlone = "was in a group commit that failed; running it alone";

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = BotHost.Start(_database, s => s.AddSingleton<IInterceptor>(_faults));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>
    /// Holds the SQLite write gate while <paramref name="first"/> starts committing, so the turns of
    /// <paramref name="rest"/> finish meanwhile and wait together; then lets them all go.
    /// </summary>
    private async Task<HttpResponseMessage[]> SendAsOneGroupAsync(JsonObject first, params JsonObject[] rest)
    {
        var committer = (SqliteGroupCommit)_bot.Services.GetRequiredService<ITurnCommit>();
        Task<HttpResponseMessage>[] posts;
        using (await _bot.Services.GetRequiredService<SqliteWriteGate>().EnterAsync(CancellationToken.None))
        {
            var head = _bot.PostAsync(first);
            await Wait.UntilAsync(() => committer.Committing == 1, "the first turn's group waits for the gate");
            posts = [head, .. rest.Select(_bot.PostAsync)];
            await Wait.UntilAsync(() => committer.Waiting == rest.Length, $"{rest.Length} turns waiting together for the next group");
        }
        return await Task.WhenAll(posts);
    }

    /// <summary>People the organisation does not know, each in a 1:1 chat of their own ("ayuda" is all they need).</summary>
    private Activities[] Strangers(int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => new Activities(_connector.ServiceUrl)
        {
            ConversationId = $"conv-{prefix}-{i}",
            UserId = $"user-{i}",
            AadObjectId = null,
        }).ToArray();

    private string[] RepliedTo() =>
        _connector.PostedActivities.Select(a => a["replyToId"]?.GetValue<string>() ?? "").Order().ToArray();

    [Fact]
    public async Task A_group_whose_commit_fails_sends_none_of_its_replies_and_each_of_its_turns_is_committed_again_alone()
    {
        _faults.FailNextGroupOf = (SqliteGroupCommit)_bot.Services.GetRequiredService<ITurnCommit>();
        var users = Strangers(5, "group");
        var messages = users.Select(u => u.Message("ayuda")).ToArray();

        var responses = await SendAsOneGroupAsync(messages[0], messages[1..]);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        // The first turn's group committed; the next held the other four, and its COMMIT failed.
        Assert.Equal(1, _faults.FailedGroups);
        // Each of the four ran again in a transaction of its own (the pipeline says so, naming the activity), and only those.
        var ranAlone = _bot.Logs.Where(l => l.Message.Contains(RanAlone, StringComparison.Ordinal)).Select(l => l.Message).ToArray();
        Assert.Equal(4, ranAlone.Length);
        Assert.All(messages[1..], m => Assert.Single(ranAlone, l => l.Contains(m["id"]!.GetValue<string>(), StringComparison.Ordinal)));
        // Every turn answered exactly once: nothing of the failed group left, and nothing was lost.
        await _connector.WaitForActivitiesAsync(5);
        await _bot.WaitForOutboxDrainedAsync();
        Assert.Equal(messages.Select(m => m["id"]!.GetValue<string>()).Order().ToArray(), RepliedTo());
        Assert.Equal(5, await _bot.WithDbAsync(db => db.ProcessedActivities.CountAsync()));
    }

    [Fact]
    public async Task A_turn_rolled_back_inside_a_group_does_not_fail_its_neighbours_and_a_repeated_activity_is_answered_once()
    {
        var users = Strangers(4, "dup");
        var repeated = users[1].Message("ayuda");
        // Teams delivers the same activity twice, and both copies land in one group with two other turns:
        // the second copy's processed mark breaks the unique key, and only its savepoint is rolled back.
        var responses = await SendAsOneGroupAsync(users[0].Message("ayuda"),
            repeated, users[2].Message("ayuda"), repeated.DeepClone().AsObject(), users[3].Message("ayuda"));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        await _connector.WaitForActivitiesAsync(4);
        await _bot.WaitForOutboxDrainedAsync();
        await Task.Delay(300); // a fifth reply, if any, would have been handed off by now
        var replied = RepliedTo();
        Assert.Equal(4, replied.Length);
        Assert.Single(replied, id => id == repeated["id"]!.GetValue<string>());
        Assert.Equal(4, await _bot.WithDbAsync(db => db.ProcessedActivities.CountAsync()));
        // The group was not failed by its bad member: nothing ran alone.
        Assert.DoesNotContain(_bot.Logs, l => l.Message.Contains(RanAlone, StringComparison.Ordinal));
    }

    /// <summary>A write (as the outbox's deletes of delivered rows) that records a processed mark under <paramref name="key"/>, counting its runs.</summary>
    private static Func<SalesBotDbContext, DbConnection, DbTransaction, Task<int>> MarkWrite(string key, Action ran, bool thenFail = false) =>
        async (db, connection, transaction) =>
        {
            ran();
            await DirectInsert<ProcessedActivity>.RunAsync(db, connection, transaction, new ProcessedActivity { Key = key, ProcessedAt = DateTimeOffset.UtcNow }, CancellationToken.None);
            if (thenFail) throw new InvalidOperationException("the write fails after its insert (injected by the test)");
            return 42;
        };

    /// <summary>Holds the gate while two turns and <paramref name="write"/> queue behind a third turn's group, then lets them go.</summary>
    private async Task<(HttpResponseMessage[] Responses, Task<int> Written)> WriteBesideTurnsAsync(string prefix,
        Func<SalesBotDbContext, DbConnection, DbTransaction, Task<int>> write)
    {
        var committer = (SqliteGroupCommit)_bot.Services.GetRequiredService<ITurnCommit>();
        var users = Strangers(3, prefix);
        Task<HttpResponseMessage>[] posts;
        Task<int> written;
        using (await _bot.Services.GetRequiredService<SqliteWriteGate>().EnterAsync(CancellationToken.None))
        {
            var head = _bot.PostAsync(users[0].Message("ayuda"));
            await Wait.UntilAsync(() => committer.Committing == 1, "the first turn's group waits for the gate");
            posts = [head, _bot.PostAsync(users[1].Message("ayuda")), _bot.PostAsync(users[2].Message("ayuda"))];
            written = committer.WriteInGroupAsync(write);
            await Wait.UntilAsync(() => committer.Waiting == 3, "two turns and the write waiting together for the next group");
        }
        return (await Task.WhenAll(posts), written);
    }

    [Fact]
    public async Task A_write_joins_the_next_group_and_runs_again_alone_when_that_groups_commit_fails()
    {
        _faults.FailNextGroupOf = (SqliteGroupCommit)_bot.Services.GetRequiredService<ITurnCommit>();
        var runs = 0;

        var (responses, written) = await WriteBesideTurnsAsync("write", MarkWrite("test|write", () => Interlocked.Increment(ref runs)));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(42, await written);
        // It ran in the group whose COMMIT failed (with the two turns), then once more alone; its row is there once.
        Assert.Equal(1, _faults.FailedGroups);
        Assert.Equal(2, runs);
        Assert.Equal(2, _bot.Logs.Count(l => l.Message.Contains(RanAlone, StringComparison.Ordinal)));
        Assert.Equal(1, await _bot.WithDbAsync(db => db.ProcessedActivities.CountAsync(p => p.Key == "test|write")));
        await _connector.WaitForActivitiesAsync(3);
        Assert.Equal(4, await _bot.WithDbAsync(db => db.ProcessedActivities.CountAsync()));
    }

    [Fact]
    public async Task A_write_that_fails_in_a_group_is_undone_alone_and_its_neighbours_are_kept()
    {
        var runs = 0;

        var (responses, written) = await WriteBesideTurnsAsync("badwrite", MarkWrite("test|undone", () => Interlocked.Increment(ref runs), thenFail: true));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => written);
        Assert.Contains("injected by the test", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, runs);
        // Its insert went with its savepoint; the turns beside it were committed in the group, none alone.
        Assert.Equal(0, await _bot.WithDbAsync(db => db.ProcessedActivities.CountAsync(p => p.Key == "test|undone")));
        Assert.Equal(3, await _bot.WithDbAsync(db => db.ProcessedActivities.CountAsync()));
        Assert.DoesNotContain(_bot.Logs, l => l.Message.Contains(RanAlone, StringComparison.Ordinal));
        await _connector.WaitForActivitiesAsync(3);
    }
}
