namespace SalesBot.Features.Visits;

/// <summary>Runs a <see cref="VisitReminderRound"/> every Visits:CheckEvery, each in its own unit of work.</summary>
public sealed class VisitReminders(IServiceScopeFactory scopes, IOptions<VisitOptions> options, ILogger<VisitReminders> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Paced by wall time, whatever clock decides what is due: a clock set a month ahead (a test's, or
        // an NTP step) must not replay one round per interval it skipped.
        using var timer = new PeriodicTimer(options.Value.CheckEvery);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Visit reminders failed; they will be tried again");
            }
        } while (await Next(timer, stoppingToken));
    }

    /// <summary>Sends what is due now; returns how many messages were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VisitReminderRound>().RunAsync(ct);
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
