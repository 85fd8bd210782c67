using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Features.Digests;

/// <summary>
/// Sends each executive their weekly nudge once per ISO week of its scheduled local date (their
/// «mis avisos» day and hour, Monday 08:30 by default, in their team's time zone), under the same
/// rule as the digests: queued in the outbox with its JobRun row ("nudge:{person}"), caught up
/// within Digests:CatchUpWindow. A week with nothing to say sends nothing, and is done.
/// </summary>
public sealed class NudgeScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DigestOptions> options, IOptions<OrganizationOptions> organization,
    ILogger<NudgeScheduler> logger) : WeeklyLoop(options, logger, "Weekly nudges")
{
    private static readonly Actor Scheduler = new("system:nudges", "Nudges", Role.None, null);

    private sealed record Due(Guid PersonId, NudgeKinds Kinds, DigestWeek.Occurrence Week);

    protected override async Task RunRoundAsync(CancellationToken ct) => await SendDueAsync(ct);

    /// <summary>Sends every nudge due now that no instance sent this week; returns how many were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Due> due = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
            var executives = await (from p in db.People.AsNoTracking()
                                    where (p.Roles & Role.Executive) == Role.Executive
                                    join s in db.NudgeSettings on p.Id equals s.PersonId into chosen
                                    from s in chosen.DefaultIfEmpty()
                                    select new { p.Id, Zone = p.Team == null ? null : p.Team.TimeZone, Settings = s }).ToListAsync(ct);
            foreach (var e in executives)
            {
                var kinds = e.Settings?.Kinds ?? NudgeKinds.All;
                if (kinds == NudgeKinds.None || WeeklyRun.Zone(e.Zone ?? organization.Value.TimeZone) is not { } zone) continue;
                var week = DigestWeek.Due(e.Settings?.Slot ?? NudgeSettings.DefaultSlot, e.Settings?.ChangedAt ?? DateTimeOffset.MinValue, zone, now, Options.CatchUpWindow);
                if (week is not null) due.Add(new Due(e.Id, kinds, week));
            }
            due = await WeeklyRun.NotYetDoneAsync(db, due, d => JobName(d.PersonId), d => d.Week.Period, ct);
        }
        var sent = 0;
        foreach (var run in due)
        {
            try
            {
                if (await SendAsync(run, now, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "The weekly nudge of {Person} for {Week} failed; it will be tried again", run.PersonId, run.Week.Period);
            }
        }
        return sent;
    }

    private async Task<bool> SendAsync(Due run, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SalesBotDbContext>();
        var job = JobName(run.PersonId);
        sp.GetRequiredService<AuditContext>().Set(Scheduler, $"{job}:{run.Week.Period}");
        var nudges = await sp.GetRequiredService<BuildNudges>().ExecuteAsync(run.PersonId, run.Kinds, run.Week.At, ct);
        var queued = false;
        if (nudges.Items.Count > 0 && await db.People.Include(p => p.Team).FirstOrDefaultAsync(p => p.Id == run.PersonId, ct) is { } person)
            queued = await sp.GetRequiredService<IDigestDelivery>().SendNudgesAsync(person, nudges, ct);
        return await WeeklyRun.CommitOnceAsync(db, job, run.Week.Period, now, ct) && queued;
    }

    public static string JobName(Guid personId) => "nudge:" + personId.ToString("N");
}
