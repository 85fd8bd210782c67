using SalesBot.Infrastructure.Auditing;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Digests;

/// <summary>
/// Posts each subscription's weekly digest once per ISO week, across instances: the post is queued
/// in the outbox in the same transaction as the week's <see cref="JobRun"/> row ("digest:{id}",
/// "2026-W49"), so the first instance to commit posts it and any other's whole attempt is discarded
/// (docs/adr/0005-weekly-digests.md). Checks on wall time, decides on the injected clock.
/// </summary>
public sealed class DigestScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestScheduler> logger) : WeeklyLoop(options, logger, "Weekly digests")
{
    private static readonly Actor Scheduler = new("system:digests", "Digests", Role.None, null);

    /// <summary>Digests built at once: enough to keep two cores and the database busy, far below the connection pool.</summary>
    public const int BuildConcurrency = 4;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _unreachableWarned = new();

    protected override async Task RunRoundAsync(CancellationToken ct) => await PostDueAsync(ct);

    /// <summary>Posts every digest due now that no instance posted this week; returns how many this call posted.</summary>
    public async Task<int> PostDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<(DigestSubscription Subscription, DigestWeek.Occurrence Week)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
            var active = await db.DigestSubscriptions.AsNoTracking().Where(s => s.EndedAt == null).ToListAsync(ct);
            due = [];
            foreach (var subscription in active)
            {
                if (WeeklyRun.Zone(subscription.TimeZone) is not { } zone)
                {
                    Logger.LogWarning("A digest subscription names time zone {Zone}, unknown here; it is skipped", subscription.TimeZone);
                    continue;
                }
                // Looked for BuildAhead early: built now, held by the outbox until its hour.
                if (DigestWeek.Due(subscription, zone, now + Options.BuildAhead, Options.CatchUpWindow) is { } week) due.Add((subscription, week));
            }
            due = await WeeklyRun.NotYetDoneAsync(db, due, d => JobName(d.Subscription), d => d.Week.Period, ct);
        }
        // Several digests are built at once (each in its own scope and transaction): on Monday at 08:00
        // every team's is due together, and building them one by one kept the outbox below its send budget.
        var posted = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = BuildConcurrency, CancellationToken = ct }, async (run, token) =>
        {
            try
            {
                if (await PostAsync(run.Subscription, run.Week, now, token)) Interlocked.Increment(ref posted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "The weekly digest of subscription {Subscription} for {Week} failed; it will be tried again", run.Subscription.Id, run.Week.Period);
            }
        });
        return posted;
    }

    private async Task<bool> PostAsync(DigestSubscription subscription, DigestWeek.Occurrence week, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SalesBotDbContext>();
        var job = JobName(subscription);
        sp.GetRequiredService<AuditContext>().Set(Scheduler, $"{job}:{week.Period}");
        // The digest covers the 7 days up to its scheduled moment, however late it is posted.
        var digest = await sp.GetRequiredService<BuildWeeklyDigest>().ExecuteAsync(subscription.TeamId, week.At, ct);
        if (digest is null) return false;
        var country = await db.Teams.Where(t => t.Id == subscription.TeamId).Select(t => t.Country).FirstOrDefaultAsync(ct);
        var notBefore = week.At > now ? week.At : (DateTimeOffset?)null;
        if (!await sp.GetRequiredService<IDigestDelivery>().PostAsync(subscription.ChannelId, subscription.Language, country, digest, $"{job}:{week.Period}", notBefore, ct))
        {
            if (_unreachableWarned.TryAdd($"{job}:{week.Period}", true))
                Logger.LogWarning("The weekly digest of team {Team} for {Week} waits: the bot has not heard from channel {Channel} yet (it needs one message or install there)",
                    digest.TeamName, week.Period, subscription.ChannelId);
            return false;
        }
        // Another instance may have posted this week's digest first: ours is then discarded whole, outbox row included.
        if (!await WeeklyRun.CommitOnceAsync(db, job, week.Period, now, ct)) return false;
        Logger.LogInformation("Weekly digest of team {Team} for {Week} queued for its channel, to leave at {At}", digest.TeamName, week.Period, notBefore ?? now);
        return true;
    }

    public static string JobName(DigestSubscription subscription) => "digest:" + subscription.Id.ToString("N");
}
