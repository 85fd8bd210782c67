using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Infrastructure.Scheduling;

/// <summary>
/// Runs the daily jobs when they are due: checks every minute, and on start-up (a restart after
/// the hour catches up the same day). Once per job and period (a day, or the job's own, see
/// <see cref="IDailyJob.PeriodOf"/>) across instances, by the JobRun key.
/// </summary>
public sealed class DailyJobScheduler(
    IServiceScopeFactory scopes, IEnumerable<IDailyJob> jobs, BusinessCalendar calendar, TimeProvider clock,
    ILogger<DailyJobScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);
    private static readonly Actor Scheduler = new("system:scheduler", "Scheduler", Role.None, null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Paced by wall time, whatever clock decides what is due: a clock set a month ahead (a test's, or
        // an NTP step) must not replay one round per interval it skipped.
        using var timer = new PeriodicTimer(CheckEvery);
        try
        {
            do
            {
                await RunDueJobsAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs every job due now that no instance ran today; returns the names of those it ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueJobsAsync(CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendar.TimeZone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var ran = new List<string>();
        foreach (var job in jobs)
        {
            if (TimeOnly.FromDateTime(local.DateTime) < job.At || !job.RunsOn(today)) continue;
            try
            {
                if (await RunOnceAsync(job, today, ct)) ran.Add(job.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Daily job {Job} failed for {Day}; it will be tried again", job.Name, today);
            }
        }
        return ran;
    }

    private async Task<bool> RunOnceAsync(IDailyJob job, DateOnly day, CancellationToken ct)
    {
        var period = job.PeriodOf(day);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        if (await db.JobRuns.AnyAsync(r => r.Job == job.Name && r.Period == period, ct)) return false;
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(Scheduler, $"{job.Name}:{period}");
        db.JobRuns.Add(new JobRun { Job = job.Name, Period = period, RanAt = clock.GetUtcNow() });
        await scope.ServiceProvider.GetRequiredKeyedService<IDailyJobRun>(job.GetType()).RunAsync(day, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DuplicateKey.Is(e, "JobRuns"))
        {
            // Another instance ran it first; its run stands and ours is discarded whole.
            return false;
        }
        logger.LogInformation("Job {Job} ran for {Period} on {Day}", job.Name, period, day);
        return true;
    }
}
