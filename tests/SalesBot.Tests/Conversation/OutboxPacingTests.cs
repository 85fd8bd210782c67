using Microsoft.Extensions.Logging.Abstractions;
using SalesBot.Infrastructure.Data;
using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Schema;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// Proactive sends stay within Outbox:TenantSendsPerSecond in every second, measured where Teams
/// would see them (the fake connector's arrival times); a reply to a turn does not wait behind
/// them; Teams throttling several conversations at once pauses every proactive send.
/// </summary>
public sealed class OutboxPacingTests
{
    [Fact]
    public async Task A_burst_of_proactive_sends_never_goes_over_the_budget_in_any_second_and_all_arrive()
    {
        await using var database = TestDatabase.Sqlite();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = BotHost.Start(database, settings: new Dictionary<string, string?> { ["Outbox:TenantSendsPerSecond"] = "5" });
        async Task SendAsync(IEnumerable<int> numbers)
        {
            await using var scope = bot.Services.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            foreach (var i in numbers)
                writer.Enqueue(OutboxOperation.Send, connector.ServiceUrl, $"conv-burst-{i}", null, new Activity { Type = "message", Text = $"aviso {i}" }, $"burst-{i}");
            await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().SaveChangesAsync();
        }
        // A first message opens the connection and gets the token, so arrival times below are the pacing's, not the warm-up's.
        await SendAsync([-1]);
        await connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await SendAsync(Enumerable.Range(0, 16));

        var sent = await connector.WaitForActivitiesAsync(17, TimeSpan.FromSeconds(30));
        Assert.Equal(17, sent.Count(a => a["text"]?.GetValue<string>()?.StartsWith("aviso ", StringComparison.Ordinal) == true));
        var arrivals = connector.Requests.Where(r => r.Body.Contains("\"aviso ", StringComparison.Ordinal) && !r.Body.Contains("aviso -1", StringComparison.Ordinal))
            .Select(r => r.At).Order().ToList();
        Assert.Equal(16, arrivals.Count);
        // Every six consecutive sends span about a second (the pacer spaces them by one; loopback adds
        // milliseconds of jitter): never six in one second. Unpaced, all sixteen arrive within a few milliseconds.
        for (var i = 5; i < arrivals.Count; i++)
            Assert.True(arrivals[i] - arrivals[i - 5] >= TimeSpan.FromMilliseconds(850), $"sends {i - 5} to {i} within {arrivals[i] - arrivals[i - 5]}");
        // Delivered rows are deleted in the background, a moment after their send.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await bot.WithDbAsync(db => db.Outbox.CountAsync()) > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, await bot.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_send_counts_from_its_start_until_a_second_after_Teams_answered_it()
    {
        var pacer = new SendPacer(Microsoft.Extensions.Options.Options.Create(new OutboxOptions { TenantSendsPerSecond = 2 }), NullLogger<SendPacer>.Instance);
        var first = await pacer.WaitTurnAsync(default);
        var second = await pacer.WaitTurnAsync(default);
        var third = pacer.WaitTurnAsync(default);
        // Two sends still waiting for Teams' answer, however long ago they started: a third could reach Teams with them.
        await Task.Delay(1500);
        Assert.False(third.IsCompleted);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        first.Dispose();
        // Answered, the first may have reached Teams just now: it still counts for a second.
        (await third).Dispose();
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"the third started {watch.Elapsed} after the first was answered");
        second.Dispose();
    }

    [Fact]
    public async Task Several_conversations_throttled_within_a_second_pause_every_proactive_send()
    {
        var pacer = new SendPacer(Microsoft.Extensions.Options.Options.Create(new OutboxOptions { TenantSendsPerSecond = 1000 }), NullLogger<SendPacer>.Instance);
        pacer.Throttled("a", TimeSpan.FromSeconds(2));
        pacer.Throttled("a", TimeSpan.FromSeconds(2));
        pacer.Throttled("b", TimeSpan.FromSeconds(2));
        // Two conversations are throttled: theirs is the lane's business, the tenant still sends.
        Assert.Equal(TimeSpan.Zero, pacer.PausedFor);
        pacer.Throttled("c", TimeSpan.FromSeconds(2));
        Assert.InRange(pacer.PausedFor, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var turn = await pacer.WaitTurnAsync(default);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.4), $"sent after {watch.Elapsed}");
    }
}
