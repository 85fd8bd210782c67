using Microsoft.Extensions.Time.Testing;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// A connector call that outlives the row's claim, with two instances on one database: the claim is
/// not silently taken over while the first still sends. Time is a fake clock: nothing waits for it.
/// </summary>
public abstract class SlowConnectorOutboxTests
{
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private static readonly Dictionary<string, string?> Settings = new()
    {
        // Shorter than one connector attempt (20 s): only the claim, not the HTTP timeout, can cut the call.
        ["Outbox:ClaimDuration"] = "00:00:12",
        ["Outbox:PollInterval"] = "00:00:05",
    };

    [Fact]
    public async Task A_message_held_by_the_connector_past_its_claim_is_delivered_once_by_two_instances()
    {
        await using var database = await CreateDatabaseAsync();
        await using var connector = await FakeConnector.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        await using var first = BotHost.Start(database, s => s.AddSingleton<TimeProvider>(clock), Settings);
        await using var second = BotHost.Start(database, s => s.AddSingleton<TimeProvider>(clock), Settings);
        var engines = new[] { first, second }.Select(b => b.Services.GetRequiredService<OutboxEngine>()).ToList();
        var alex = new Activities(connector.ServiceUrl) { ConversationId = "conv-slow" };
        var hold = connector.HoldNext();

        await first.SendAsync(alex.Message("ayuda"));
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(20));
        // The call hangs while the clock moves well past the first claim (12 s), in steps: the first
        // instance renews its claim each time (every third of it), so the second, polling after the
        // claim would have lapsed, does not take the row and send it behind the first one's back.
        // Each step is one renewal period (4 s): the renewal is seen in the database a moment before
        // the instance moves its own deadline (claim - 3 s), and a step that reached the old deadline
        // in that moment would cancel the delivery (the test's race, not the engine's).
        var start = clock.GetUtcNow();
        for (var step = 1; step <= 4; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(4));
            await ClaimedUntilAsync(first, start.AddSeconds(4 * step + 12));
        }
        Assert.Equal(0, await engines[1].PollOnceAsync(default));
        hold.Release();
        await engines[0].IdleAsync();
        await DrainedAsync(first, second);

        var delivered = connector.PostedActivities.Where(a => a["conversation"]?["id"]?.GetValue<string>() == "conv-slow").ToList();
        Assert.Single(delivered);
        Assert.Contains("Lo que puedo hacer", delivered[0].Card().AllText());
        Assert.Equal(0, await first.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    /// <summary>Waits until the row's claim was renewed to <paramref name="until"/> (the renewal is written in the background).</summary>
    private static async Task ClaimedUntilAsync(BotHost bot, DateTimeOffset until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await bot.WithDbAsync(db => db.Outbox.AsNoTracking().Select(m => m.ClaimedUntil).SingleAsync()) != until)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the claim was not renewed to {until}");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_delivery_that_finds_its_row_taken_when_renewing_gives_its_call_up()
    {
        await using var database = await CreateDatabaseAsync();
        await using var connector = await FakeConnector.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        await using var bot = BotHost.Start(database, s => s.AddSingleton<TimeProvider>(clock), Settings);
        var hold = connector.HoldNext();

        await bot.SendAsync(new Activities(connector.ServiceUrl) { ConversationId = "conv-taken" }.Message("ayuda"));
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(20));
        var taken = Guid.NewGuid(); // as if another instance had claimed the row
        await bot.WithDbAsync(db => db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, taken)));
        clock.Advance(TimeSpan.FromSeconds(5)); // the renewal finds the row taken

        await hold.Abandoned.WaitAsync(TimeSpan.FromSeconds(20));
        await bot.Services.GetRequiredService<OutboxEngine>().IdleAsync();
        var row = await bot.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal((taken, 0, (DateTimeOffset?)null), (row.ClaimToken, row.Attempts, row.FailedAt)); // the other holder's row, untouched
        Assert.Empty(connector.PostedActivities);
    }

    /// <summary>Waits for the delivered row to be removed; on a timeout, says what the outbox and its logs hold.</summary>
    private static async Task DrainedAsync(BotHost first, BotHost second)
    {
        try
        {
            await first.WaitForOutboxDrainedAsync();
        }
        catch (TimeoutException e)
        {
            var rows = await first.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync());
            var logs = first.Logs.Concat(second.Logs).Where(l => l.Category.Contains("Outbox", StringComparison.Ordinal));
            throw new TimeoutException(string.Join("\n", rows.Select(r => $"row {r.Id}: claim {r.ClaimToken} until {r.ClaimedUntil}, next {r.NextAttemptAt}, {r.Attempts} attempts, {r.LastError}")
                .Concat(logs.Select(l => $"{l.Level} {l.Message} {l.Error}"))), e);
        }
    }

    [Fact]
    public async Task A_delivery_whose_claim_was_taken_over_can_neither_retry_fail_renew_nor_delete_the_row()
    {
        await using var database = await CreateDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        await using var bot = BotHost.Start(database, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.Remove(s.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory is not null
                && d.ImplementationFactory.Method.ReturnType == typeof(OutboxEngine)));
        }, Settings);
        var store = bot.Services.GetRequiredService<OutboxStore>();
        await bot.WithDbAsync(async db =>
        {
            db.Outbox.Add(new OutboxMessage { Operation = OutboxOperation.Send, Lane = "lane", PayloadJson = "{}", CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        var mine = Assert.Single(await store.ClaimDueAsync(_ => false, default));
        Assert.Empty(await store.ClaimDueAsync(_ => false, default)); // held: nobody else takes it
        clock.Advance(TimeSpan.FromSeconds(13));
        var theirs = Assert.Single(await store.ClaimDueAsync(_ => false, default)); // lapsed: another claim
        var stale = new OutboxMessage { Id = mine.Id, ClaimToken = mine.ClaimToken };

        Assert.False(await store.RenewAsync(stale, default));
        Assert.Equal(0, await store.RetryLaterAsync(stale, 1, clock.GetUtcNow().AddHours(1), "stale", default));
        Assert.False(await store.FailAsync(stale, 1, "stale", default));
        Assert.Equal(0, await store.DeleteDeliveredAsync([(mine.Id, mine.ClaimToken!.Value)], default));
        Assert.Equal(0, await store.DeleteDeliveredAsync([(mine.Id + 1, theirs.ClaimToken!.Value)], default)); // the claim, on another row
        var row = await bot.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal((theirs.ClaimToken, (DateTimeOffset?)null, 0), (row.ClaimToken, row.FailedAt, row.Attempts));
        Assert.Equal(1, await store.DeleteDeliveredAsync([(theirs.Id, theirs.ClaimToken!.Value)], default));
        Assert.False(await bot.WithDbAsync(db => db.Outbox.AnyAsync()));
    }
}

public sealed class SqliteSlowConnectorOutboxTests : SlowConnectorOutboxTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresSlowConnectorOutboxTests : SlowConnectorOutboxTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
