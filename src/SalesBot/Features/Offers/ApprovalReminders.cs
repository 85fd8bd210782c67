using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Offers;

/// <summary>
/// Every business day: a step pending for Approvals:ReminderAfter is reminded (once a
/// day); one pending for Approvals:EscalateAfter goes to the approver's manager, who
/// gets the card, and the requester is told. Runs once per day across instances (see DailyJobScheduler).
/// </summary>
public sealed class ApprovalReminders(SalesBotDbContext db, IApprovalNotifications notify, Organization.TeamCalendars teamCalendars,
    IOptions<ApprovalOptions> options, TimeProvider clock) : IDailyJobRun
{
    public async Task RunAsync(DateOnly day, CancellationToken ct)
    {
        var calendarOf = new Dictionary<Guid, BusinessCalendar>(); // one lookup per approver, not per step
        var now = clock.GetUtcNow();
        var o = options.Value;
        var pending = await db.ApprovalSteps.AsNoTracking().Where(s => s.Status == StepStatus.Pending && s.AskedAt != null)
            .OrderBy(s => s.AskedAt).Select(s => new { s.Id, s.OfferId, s.ApproverId, s.AskedAt }).ToListAsync(ct);
        var notices = new List<OfferNotice>();
        foreach (var pendingStep in pending)
        {
            // The approver's business days: a Bolivian team is not reminded on a Bolivian holiday, nor is it counted.
            if (!calendarOf.TryGetValue(pendingStep.ApproverId, out var own))
                calendarOf[pendingStep.ApproverId] = own = await teamCalendars.OfPersonAsync(pendingStep.ApproverId, ct);
            var today = own.LocalDate(now);
            if (!own.IsBusinessDay(today)) continue;
            var waited = own.BusinessDaysBetween(own.LocalDate(pendingStep.AskedAt!.Value), today);
            if (waited < o.ReminderAfter) continue;
            // Changed only through its offer, loaded with its chain.
            var offer = await db.Offers.Include(x => x.Steps).FirstAsync(x => x.Id == pendingStep.OfferId, ct);
            var step = offer.Steps.First(s => s.Id == pendingStep.Id);
            var approver = await db.People.FirstAsync(p => p.Id == step.ApproverId, ct);
            if (waited >= o.EscalateAfter && step.EscalatedAt is null && approver.ManagerId is { } managerId && managerId != offer.RequesterId)
            {
                var manager = await db.People.FirstAsync(p => p.Id == managerId, ct);
                if (offer.Escalate(step.Id, manager.Id, now) is null)
                {
                    notices.Add(new ApproverAsked(offer.Id, manager.Id));
                    notices.Add(new RequesterTold(offer.Id, offer.RequesterId, "offers.escalated", [offer.Number, approver.Name, manager.Name, waited]));
                    notices.Add(new CardsChanged(offer.Id));
                }
                continue;
            }
            if (step.RemindedAt is { } last && own.LocalDate(last) >= today) continue;
            if (offer.Remind(step.Id, now) is null) notices.Add(new ApproverReminded(offer.Id, step.ApproverId, waited));
        }
        await notify.DeliverAsync(notices, null, ct);
    }
}

/// <summary>When the approval reminders run: each step then counts on its approver's team's calendar.</summary>
public sealed class ApprovalReminderSchedule(IOptions<ApprovalOptions> options, BusinessCalendar calendar) : IDailyJob
{
    public string Name => "approval-reminders";
    public TimeOnly At => options.Value.RemindersAt;
    // Every working weekday, even an organisation holiday: a team with a calendar of its own may work
    // that day. Each item then skips the holidays of its own calendar.
    public bool RunsOn(DateOnly day) => calendar.IsWorkingWeekday(day);
}
