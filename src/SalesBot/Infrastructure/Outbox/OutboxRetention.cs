namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Rows the outbox keeps only for a while: messages that failed for good (kept for inspection,
/// then deleted after Outbox:FailedRetention) and where tracked cards landed (after
/// Outbox:SentCardRetention a card is too old to be updated; its refresh still brings it up to date).
/// </summary>
public sealed class OutboxRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options) : IDatabaseUpkeep
{
    public string What => "failed outbox messages and tracked card copies";

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var failedBefore = now - options.Value.FailedRetention;
        var sentBefore = now - options.Value.SentCardRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        using var held = await SqliteWriteGate.EnterIfSqliteAsync(scope.ServiceProvider, ct);
        var failed = await db.Outbox.Where(m => m.FailedAt != null && m.FailedAt < failedBefore).ExecuteDeleteAsync(ct);
        var cards = await db.SentCards.Where(c => c.SentAt < sentBefore).ExecuteDeleteAsync(ct);
        return failed + cards;
    }
}
