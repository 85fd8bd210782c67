using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Features.Visits;

/// <summary>Tells executives about their visits; the Teams side renders and queues the messages.</summary>
public interface IVisitReminderNotifications
{
    /// <summary>"At 10:00 you visit X": false when the owner has no chat with the bot yet.</summary>
    Task<bool> RemindAsync(Person owner, Visit visit, string clientName, CancellationToken ct);

    /// <summary>"How did your visit to X go?" with the button to the log form.</summary>
    Task<bool> AskHowItWentAsync(Person owner, Visit visit, string clientName, CancellationToken ct);
}

/// <summary>
/// One round of visit reminders: shortly before a visit (Visits:ReminderBefore), and the day after
/// an unlogged one. Each is sent once: the mark and the message commit together (this job is its
/// own unit of work), and the visit's concurrency token lets only one instance win.
/// </summary>
public sealed class VisitReminderRound(SalesBotDbContext db, IVisitReminderNotifications notify, AuditContext audit, BusinessCalendar calendar,
    TimeProvider clock, IOptions<VisitOptions> options)
{
    private const int MaxPerRound = 100;
    private static readonly Actor Scheduler = new("system:visit-reminders", "Visit reminders", Role.None, null);

    /// <summary>Queues what is due now; returns how many messages were queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        audit.Set(Scheduler, "visit-reminders");
        var now = clock.GetUtcNow();
        var remindFrom = now + options.Value.ReminderBefore;
        var soon = await db.Visits
            .Where(v => v.Status == VisitStatus.Scheduled && v.ReminderSentAt == null && v.Start > now && v.Start <= remindFrom)
            .OrderBy(v => v.Start).Take(MaxPerRound).ToListAsync(ct);
        // "The day after": visits that ended before today began, in the organisation's time zone.
        var todayStarts = calendar.StartOf(calendar.LocalDate(now));
        var unlogged = await db.Visits
            .Where(v => v.Status == VisitStatus.Scheduled && v.FollowUpAskedAt == null && v.End <= todayStarts)
            .OrderBy(v => v.Start).Take(MaxPerRound).ToListAsync(ct);
        if (soon.Count == 0 && unlogged.Count == 0) return 0;

        var ownerIds = soon.Concat(unlogged).Select(v => v.OwnerId).Distinct().ToList();
        var clientIds = soon.Concat(unlogged).Select(v => v.ClientId).Distinct().ToList();
        var people = await db.People.Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var clients = await db.Clients.Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var sent = 0;
        foreach (var visit in soon)
        {
            if (await notify.RemindAsync(people[visit.OwnerId], visit, clients[visit.ClientId], ct)) sent++;
            visit.MarkReminded(now);
        }
        foreach (var visit in unlogged)
        {
            if (await notify.AskHowItWentAsync(people[visit.OwnerId], visit, clients[visit.ClientId], ct)) sent++;
            visit.MarkFollowUpAsked(now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance (or the owner) changed one of these visits meanwhile: none of this batch is sent; the next round decides again.
            return 0;
        }
        return sent;
    }
}
