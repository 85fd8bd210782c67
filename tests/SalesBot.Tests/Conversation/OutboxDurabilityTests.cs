using Microsoft.Extensions.Hosting;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Tests.Conversation;

/// <summary>A crash after a turn committed but before its reply left: the next process delivers it.</summary>
public abstract class OutboxDurabilityTests
{
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task A_reply_accepted_before_a_crash_is_delivered_after_the_restart()
    {
        await using var database = await CreateDatabaseAsync();
        await using var connector = await FakeConnector.StartAsync();
        var alex = new Activities(connector.ServiceUrl);

        // First process: the turn commits, but the dispatcher never runs (the process "dies").
        await using (var crashed = BotHost.Start(database, WithoutDispatcher))
        {
            await crashed.SendAsync(alex.Message("ayuda"));
            Assert.Equal(1, await crashed.WithDbAsync(db => db.Outbox.CountAsync()));
        }
        Assert.Empty(connector.Requests);

        // Second process on the same database: the poller finds the row once its claim expired.
        await using var restarted = BotHost.Start(database);
        var delivered = await connector.WaitForActivitiesAsync(1);
        await restarted.WaitForOutboxDrainedAsync();

        Assert.Contains("Lo que puedo hacer", delivered[0].Card().AllText());
        Assert.Equal(0, await restarted.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_message_the_connector_refuses_for_good_is_kept_as_failed_not_retried_forever()
    {
        await using var database = await CreateDatabaseAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = BotHost.Start(database);
        connector.FailNext(403);

        await bot.SendAsync(new Activities(connector.ServiceUrl).Message("ayuda"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await bot.WithDbAsync(db => db.Outbox.CountAsync(m => m.FailedAt != null)) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the refused message was never marked failed");
            await Task.Delay(50);
        }
        var failed = await bot.WithDbAsync(db => db.Outbox.SingleAsync());
        Assert.StartsWith("403", failed.LastError);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task Two_instances_sharing_the_database_deliver_each_left_over_reply_exactly_once()
    {
        await using var database = await CreateDatabaseAsync();
        await using var connector = await FakeConnector.StartAsync();
        const int turns = 12;

        await using (var crashed = BotHost.Start(database, WithoutDispatcher))
        {
            for (var i = 0; i < turns; i++)
                await crashed.SendAsync(new Activities(connector.ServiceUrl) { ConversationId = $"conv-{i}" }.Message("ayuda"));
        }

        // Two instances start together and both poll the same rows.
        await using var first = BotHost.Start(database);
        await using var second = BotHost.Start(database);
        await connector.WaitForActivitiesAsync(turns);
        await first.WaitForOutboxDrainedAsync();

        var conversations = connector.Requests.Select(r => r.RawPath).ToList();
        Assert.Equal(turns, conversations.Count);
        Assert.Equal(turns, conversations.Distinct().Count());
    }

    private static void WithoutDispatcher(IServiceCollection services)
    {
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ToList();
        foreach (var d in hosted) services.Remove(d);
    }
}

public sealed class SqliteOutboxDurabilityTests : OutboxDurabilityTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresOutboxDurabilityTests : OutboxDurabilityTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
