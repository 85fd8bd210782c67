namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Forgets processed activity ids after <see cref="Retention"/>: Teams retries within minutes, so
/// a day or two of memory is plenty, and the table would otherwise grow with every turn.
/// </summary>
public sealed class ProcessedActivityCleanup(IServiceScopeFactory scopes, TimeProvider clock) : IDatabaseUpkeep
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    public string What => "processed activity ids";

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        using var held = await SqliteWriteGate.EnterIfSqliteAsync(scope.ServiceProvider, ct);
        return await db.ProcessedActivities.Where(p => p.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
