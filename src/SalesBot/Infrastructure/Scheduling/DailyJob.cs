namespace SalesBot.Infrastructure.Scheduling;

/// <summary>
/// When a daily job runs: once a day at a local time of the organisation, by one instance. The
/// work itself is an <see cref="IDailyJobRun"/>, built in the run's scope (see
/// <see cref="SchedulingServiceCollectionExtensions.AddDailyJob{TSchedule, TRun}"/>).
/// </summary>
public interface IDailyJob
{
    string Name { get; }

    /// <summary>Local time of day from which the job is due.</summary>
    TimeOnly At { get; }

    /// <summary>Whether the job runs on this local date at all (e.g. business days only).</summary>
    bool RunsOn(DateOnly day);

    /// <summary>
    /// The period a run on this date does: the date itself for a daily job; a monthly job answers
    /// the month, so it runs once a month, on the first due day an instance is up (caught up after downtime).
    /// </summary>
    string PeriodOf(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A daily job's work, created in the run's scope with what it needs. It adds its changes (outbox
/// messages, updates) to the scope's DbContext; the scheduler commits them with the run's mark,
/// so a crash before the commit means the day is done again, never half done.
/// </summary>
public interface IDailyJobRun
{
    Task RunAsync(DateOnly day, CancellationToken ct);
}
