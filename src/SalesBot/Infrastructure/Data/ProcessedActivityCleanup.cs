using Microsoft.EntityFrameworkCore;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Forgets processed activity ids after <see cref="Retention"/>: Teams retries within minutes, so
/// a day or two of memory is plenty, and the table would otherwise grow with every turn.
/// </summary>
public sealed class ProcessedActivityCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProcessedActivityCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    var removed = await RunOnceAsync(stoppingToken);
                    if (removed > 0) logger.LogInformation("Forgot {Count} processed activity ids older than {Retention}", removed, Retention);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not clean up processed activity ids; will try again");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        using var held = await SqliteWriteGate.EnterIfSqliteAsync(scope.ServiceProvider, ct);
        return await db.ProcessedActivities.Where(p => p.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
