using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Digests;

/// <summary>
/// The once-per-ISO-week rule shared by digests and nudges: which of the due runs no instance has
/// done yet (one query), and the commit that makes a run this instance's, or nobody's (ADR 6).
/// </summary>
public static class WeeklyRun
{
    /// <summary>The due runs whose (job, week) has no JobRun row yet.</summary>
    public static async Task<List<T>> NotYetDoneAsync<T>(SalesBotDbContext db, IReadOnlyList<T> due, Func<T, string> job, Func<T, string> period, CancellationToken ct)
    {
        if (due.Count == 0) return [];
        var jobs = due.Select(job).Distinct().ToList();
        var done = (await db.JobRuns.AsNoTracking().Where(r => jobs.Contains(r.Job)).Select(r => new { r.Job, r.Period }).ToListAsync(ct))
            .Select(r => (r.Job, r.Period)).ToHashSet();
        return due.Where(d => !done.Contains((job(d), period(d)))).ToList();
    }

    /// <summary>
    /// Commits the scope's changes (the run's outbox rows) with the week's JobRun row; false when
    /// another instance committed that week first, and then nothing of this attempt is kept.
    /// </summary>
    public static async Task<bool> CommitOnceAsync(SalesBotDbContext db, string job, string period, DateTimeOffset now, CancellationToken ct)
    {
        db.JobRuns.Add(new JobRun { Job = job, Period = period, RanAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DuplicateKey.Is(e, "JobRuns"))
        {
            return false;
        }
    }

    /// <summary>An IANA time zone by id, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
