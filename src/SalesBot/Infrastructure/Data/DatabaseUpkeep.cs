namespace SalesBot.Infrastructure.Data;

/// <summary>A table that would grow forever unless rows past their use are deleted now and then.</summary>
public interface IDatabaseUpkeep
{
    /// <summary>What is deleted, for the log ("processed activity ids").</summary>
    string What { get; }

    /// <summary>Deletes what is past its retention; returns how many rows went.</summary>
    Task<int> RunOnceAsync(CancellationToken ct);
}

/// <summary>Runs every <see cref="IDatabaseUpkeep"/> at start and then hourly; a failure is logged and tried again next time.</summary>
public sealed class DatabaseUpkeepService(IEnumerable<IDatabaseUpkeep> tasks, ILogger<DatabaseUpkeepService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Paced by wall time, whatever clock decides what is due: a clock set a month ahead (a test's, or
        // an NTP step) must not replay one round per interval it skipped.
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                foreach (var task in tasks)
                {
                    try
                    {
                        var removed = await task.RunOnceAsync(stoppingToken);
                        if (removed > 0) logger.LogInformation("Deleted {Count} {What} past their retention", removed, task.What);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Could not delete old {What}; will try again", task.What);
                    }
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
