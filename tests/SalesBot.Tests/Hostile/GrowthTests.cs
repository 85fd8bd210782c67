using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesBot.Features.Offers;
using SalesBot.Features.Offers.Conversation;
using SalesBot.Infrastructure.Data;
using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Schema;
using SalesBot.Tests.Conversation;

namespace SalesBot.Tests.Hostile;

/// <summary>
/// Tables nobody cleans and a gate nobody releases: tracked card copies (one per conversation,
/// dropped when the offer is decided), failed outbox rows and old card copies purged after their
/// retention, and the SQLite write gate let go whatever way SaveChanges ends.
/// </summary>
public sealed class GrowthTests : OfferApprovalTestsBase
{
    private readonly ThrowOnce _throwOnce = new();

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_throwOnce);

    /// <summary>Fails one SaveChanges after the write gate's interceptor took the gate, where EF reports no failure.</summary>
    private sealed class ThrowOnce : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (Armed)
            {
                Armed = false;
                throw new InvalidOperationException("failed between the interceptors and EF's try block");
            }
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task The_SQLite_write_gate_is_released_whichever_way_SaveChanges_ends()
    {
        using (var scope = Bot.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
            db.Teams.Add(new Features.Organization.Team("Ventas Cali"));
            _throwOnce.Armed = true;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        // Any later write of the process would wait forever for a gate still held.
        var reply = AskAsync(Alex.Message("idioma en"));
        Assert.Same(reply, await Task.WhenAny(reply, Task.Delay(TimeSpan.FromSeconds(20))));
    }

    [Fact]
    public async Task A_tracked_card_keeps_one_copy_per_conversation_and_none_once_the_offer_is_decided()
    {
        var key = "offer:" + Guid.NewGuid().ToString("N");
        using (var scope = Bot.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var chat = await sp.GetRequiredService<SalesBotDbContext>().ConversationReferences.AsNoTracking().FirstAsync(r => r.ConversationId == Megan.ConversationId);
            var outbox = sp.GetRequiredService<OutboxWriter>();
            for (var i = 0; i < 3; i++)
                outbox.Enqueue(OutboxOperation.Send, chat.ServiceUrl, chat.ConversationId, null, new Activity { Type = "message", Text = "copia " + i }, null, key);
            await sp.GetRequiredService<SalesBotDbContext>().SaveChangesAsync();
        }
        await Bot.WaitForOutboxDrainedAsync();
        await WaitUntilAsync(() => Bot.WithDbAsync(db => db.SentCards.CountAsync(c => c.Key == key)), n => n == 1);

        // A small offer: the team lead alone decides it.
        await AskAsync(Alex.Submit(Offer(await DealAsync(), unitPrice: "10.000")));
        await Bot.WaitForOutboxDrainedAsync();
        var step = (await StepsAsync()).Single();
        var offerKey = ApprovalNotice.CardKey(step.OfferId);
        await WaitUntilAsync(() => Bot.WithDbAsync(db => db.SentCards.CountAsync(c => c.Key == offerKey)), n => n >= 1);
        await InvokeAsync(Megan, Execute("offers.approve", step.Id));
        await Bot.WaitForOutboxDrainedAsync();
        Assert.Equal(OfferStatus.Approved, await Bot.WithDbAsync(db => db.Offers.Select(o => o.Status).SingleAsync()));
        Assert.Equal(0, await Bot.WithDbAsync(db => db.SentCards.CountAsync(c => c.Key == offerKey)));
    }

    [Fact]
    public async Task Failed_outbox_rows_and_old_card_copies_are_purged_after_their_retention()
    {
        var options = Bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value;
        var now = DateTimeOffset.UtcNow;
        await Bot.WithDbAsync(async db =>
        {
            OutboxMessage Failed(string id, DateTimeOffset at) => new()
            {
                Operation = OutboxOperation.Send,
                ServiceUrl = Connector.ServiceUrl,
                ConversationId = id,
                PayloadJson = "{}",
                CreatedAt = at,
                NextAttemptAt = at,
                FailedAt = at,
            };
            db.Outbox.AddRange(Failed("old", now - options.FailedRetention - TimeSpan.FromHours(1)), Failed("recent", now - TimeSpan.FromDays(1)));
            db.SentCards.AddRange(
                new SentCard { Key = "k", ServiceUrl = Connector.ServiceUrl, ConversationId = "old", ActivityId = "1", SentAt = now - options.SentCardRetention - TimeSpan.FromHours(1) },
                new SentCard { Key = "k", ServiceUrl = Connector.ServiceUrl, ConversationId = "recent", ActivityId = "2", SentAt = now });
            return await db.SaveChangesAsync();
        });

        var removed = await Bot.Services.GetRequiredService<OutboxRetention>().RunOnceAsync(default);

        Assert.Equal(2, removed);
        Assert.Equal(["recent"], await Bot.WithDbAsync(db => db.Outbox.Where(m => m.FailedAt != null).Select(m => m.ConversationId).ToListAsync()));
        Assert.Equal(["recent"], await Bot.WithDbAsync(db => db.SentCards.Where(c => c.Key == "k").Select(c => c.ConversationId).ToListAsync()));
    }

    private static async Task WaitUntilAsync(Func<Task<int>> read, Func<int, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int value;
        while (!done(value = await read()))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"still {value} after 15 s");
            await Task.Delay(50);
        }
    }
}
