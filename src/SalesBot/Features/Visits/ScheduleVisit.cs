using SalesBot.Features.Clients;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Visits;

/// <summary>What scheduling found: the visit saved, or (no visit) the busy times the user must see before it is.</summary>
public sealed record ScheduleOutcome(Visit? Visit, string ClientName, IReadOnlyList<BusyTime> Conflicts, bool FreeBusyChecked);

/// <summary>
/// Schedules a visit for the person acting, with a client they may see, in the future. Overlaps
/// with their other visits and with busy times in their Outlook calendar are shown first and
/// saved only when the user confirms; the same client at the same start twice is refused. The
/// calendar event follows through the outbox.
/// </summary>
public sealed class ScheduleVisit(SalesBotDbContext db, SearchClients clients, IVisitCalendar calendar, BusinessCalendar business, TimeProvider clock)
{
    public async Task<Result<ScheduleOutcome>> ExecuteAsync(Actor actor, VisitInput input, bool inviteContact, bool confirmConflicts, CancellationToken ct)
    {
        if (!VisitAccess.Visits(actor)) return DomainError.Forbidden("visits.schedule");
        var errors = new List<DomainError>();
        var times = input.Times(business, errors);
        var details = input.Details(errors, typeRequired: false);
        var client = input.ClientId is { } id ? await clients.ByIdAsync(actor, id, ct) : DomainError.Invalid("client", "client");
        if (!client.Ok) errors.Add(client.Error!);
        if (times is { } t && t.Start < clock.GetUtcNow()) errors.Add(DomainError.Invalid("visit-date", "past"));
        if (errors.Count > 0) return Result<ScheduleOutcome>.Refused(errors);

        var (start, end) = times!.Value;
        var owner = await db.People.FirstAsync(p => p.Id == actor.PersonId, ct);
        var mine = await db.Visits.Where(v => v.OwnerId == owner.Id && v.Status == VisitStatus.Scheduled && v.Start < end && v.End > start)
            .ToListAsync(ct);
        if (mine.Any(v => v.ClientId == client.Value!.Id && v.Start == start))
            return new DomainError("visit-duplicate", client.Value!.Name);

        if (!confirmConflicts)
        {
            var busy = await calendar.BusyAsync(owner, start, end, ct);
            // Our own visits are in Outlook too once synced: show each once.
            var conflicts = mine.Select(v => new BusyTime(v.Start, v.End, null))
                .Concat(busy.Busy.Where(b => !mine.Any(v => v.Start == b.Start && v.End == b.End)))
                .OrderBy(b => b.Start).ToList();
            if (conflicts.Count > 0 || !busy.Checked) return new ScheduleOutcome(null, client.Value!.Name, conflicts, busy.Checked);
        }

        string? invitee = null;
        if (inviteContact)
        {
            invitee = await db.Clients.Where(c => c.Id == client.Value!.Id)
                .SelectMany(c => c.Contacts).Where(c => c.Email != null).Select(c => c.Email).FirstOrDefaultAsync(ct);
            if (invitee is null) return new DomainError("visit-no-contact-email", client.Value!.Name);
        }

        var visit = Visit.Schedule(owner.Id, client.Value!.Id, start, end, details!, invitee, calendar.IsExternal, clock.GetUtcNow());
        db.Visits.Add(visit);
        calendar.RequestSync(visit);
        return new ScheduleOutcome(visit, client.Value!.Name, [], true);
    }

    /// <summary>
    /// Moves a scheduled visit (its owner, their team lead or an administrator), with the same
    /// checks as scheduling; the visit's own old time does not count as a conflict. The calendar
    /// event is moved, not duplicated.
    /// </summary>
    public async Task<Result<ScheduleOutcome>> RescheduleAsync(Actor actor, Guid visitId, VisitInput input, bool confirmConflicts, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return DomainError.NotFound("visit", visitId.ToString());
        var owner = await db.People.FirstAsync(p => p.Id == visit.OwnerId, ct);
        if (!VisitAccess.MayManage(actor, await ActorTeam.OfAsync(db, actor, ct), owner.Id, owner.TeamId))
            return DomainError.Forbidden("visits.reschedule");
        if (visit.Status != VisitStatus.Scheduled) return new DomainError("visit-not-scheduled");
        var clientName = await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct);

        var errors = new List<DomainError>();
        var times = input.Times(business, errors);
        var details = input.Details(errors, typeRequired: false);
        if (times is { } t && t.Start < clock.GetUtcNow()) errors.Add(DomainError.Invalid("visit-date", "past"));
        if (errors.Count > 0) return Result<ScheduleOutcome>.Refused(errors);

        var (start, end) = times!.Value;
        if (!confirmConflicts)
        {
            var others = await db.Visits.Where(v => v.OwnerId == owner.Id && v.Id != visit.Id && v.Status == VisitStatus.Scheduled && v.Start < end && v.End > start)
                .Select(v => new BusyTime(v.Start, v.End, null)).ToListAsync(ct);
            var busy = await calendar.BusyAsync(owner, start, end, ct);
            // Someone else's calendar (a team lead moving a visit) shows when, never what.
            if (actor.PersonId != owner.Id) busy = busy with { Busy = busy.Busy.Select(b => b with { Subject = null }).ToList() };
            var conflicts = others
                .Concat(busy.Busy.Where(b => !(b.Start == visit.Start && b.End == visit.End) && !others.Any(o => o.Start == b.Start && o.End == b.End)))
                .OrderBy(b => b.Start).ToList();
            if (conflicts.Count > 0 || !busy.Checked) return new ScheduleOutcome(null, clientName, conflicts, busy.Checked);
        }
        if (visit.Reschedule(start, end, details!, calendar.IsExternal) is { } refused) return refused;
        calendar.RequestSync(visit);
        return new ScheduleOutcome(visit, clientName, [], true);
    }
}
