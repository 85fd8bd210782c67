using Microsoft.Extensions.Time.Testing;
using SalesBot.Features.Digests;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Digests;

/// <summary>
/// Twelve teams' digests posted at once under a budget of five proactive sends a second, while the
/// connector answers 429 with Retry-After to 30 % of posts: each digest arrives exactly once and
/// no second ever carries more than the budget, retries included.
/// </summary>
public abstract class DigestStormTests
{
    private const int Teams = 12;
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task A_429_storm_delivers_every_digest_once_within_the_budget()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 10, 0, 0, Bogota).ToUniversalTime());
        await using var database = await CreateDatabaseAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = BotHost.Start(database, s => s.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["Outbox:TenantSendsPerSecond"] = "5", ["Digests:CheckEvery"] = "01:00:00", ["Reports:SendMonthly"] = "false" });
        var channels = Enumerable.Range(0, Teams).Select(i => $"19:storm-{i}@thread.tacv2").ToList();
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var admin = Actor.CommandLine("test");
            var db = sp.GetRequiredService<SalesBotDbContext>();
            for (var i = 0; i < Teams; i++)
            {
                Assert.True((await sp.GetRequiredService<AddTeam>().ExecuteAsync(admin, $"Equipo {i}", channels[i], default)).Ok);
                await db.SaveChangesAsync();
                Assert.True((await sp.GetRequiredService<DigestSubscriptions>().SubscribeAsync(admin, channels[i], $"Equipo {i}", DigestSlot.Default, "es", default)).Ok);
                // The bot has heard from each channel (its install), so it has the address to post to.
                db.ConversationReferences.Add(new StoredConversationReference
                {
                    ConversationId = channels[i],
                    ChannelId = "msteams",
                    ServiceUrl = connector.ServiceUrl,
                    ConversationType = "channel",
                    TenantId = "00000000-0000-0000-0000-0000000000001",
                    BotId = Activities.BotId,
                    BotName = "SalesBot",
                    TeamsChannelId = channels[i],
                    UpdatedAt = clock.GetUtcNow(),
                });
            }
            await db.SaveChangesAsync();
        }
        // A first message opens the connection and gets the token, so the arrival times below are the pacing's, not the warm-up's.
        await bot.SendAsync(new Activities(connector.ServiceUrl).Message("hola"));
        await connector.WaitForActivitiesAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        connector.Throttle(0.3, retryAfter: "1");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, Bogota).ToUniversalTime());

        Assert.Equal(Teams, await bot.Services.GetRequiredService<DigestScheduler>().PostDueAsync(default));
        // Retries are due on the injected clock (Retry-After, backoff): it moves on exactly as wall time does
        // (faster, it would also age the outbox's claims faster than their keeper renews them).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var last = DateTime.UtcNow;
        while (await bot.WithDbAsync(db => db.Outbox.CountAsync(m => m.FailedAt == null)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the digests were not all delivered within 90 s");
            await Task.Delay(100);
            var now = DateTime.UtcNow;
            clock.Advance(now - last);
            last = now;
        }

        var delivered = connector.DeliveredActivities.Select(a => a["conversation"]!["id"]!.GetValue<string>()).Where(c => c.StartsWith("19:storm-", StringComparison.Ordinal)).ToList();
        Assert.Equal(channels.Order(), delivered.Order());
        var attempts = connector.Requests.Where(r => r.Method == "POST" && r.RawPath.EndsWith("/activities", StringComparison.Ordinal) && r.RawPath.Contains("storm", StringComparison.Ordinal))
            .Select(r => r.At).Order().ToList();
        Assert.True(attempts.Count > Teams, "the storm throttled nothing: the test would prove nothing");
        // Five a second at most: every six consecutive attempts span about a second (loopback jitter allowed).
        for (var i = 5; i < attempts.Count; i++)
            Assert.True(attempts[i] - attempts[i - 5] >= TimeSpan.FromMilliseconds(850), $"attempts {i - 5} to {i} within {attempts[i] - attempts[i - 5]}");
    }
}

public sealed class SqliteDigestStormTests : DigestStormTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresDigestStormTests : DigestStormTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
