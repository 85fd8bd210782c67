using SalesBot.Features.Pipeline;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Digests;

/// <summary>
/// A visit's next step with its date is a dated follow-up on the deal: at 08:00 that day (the
/// organisation's time) its owner is reminded in their 1:1 chat, unless they turned next steps off
/// in «mis avisos», snoozed the deal, or the deal is closed. Once a day across instances.
/// </summary>
public sealed class NextStepReminderSchedule(IOptions<DigestOptions> options) : IDailyJob
{
    public string Name => "next-steps";
    public TimeOnly At => new(8, 0);
    public bool RunsOn(DateOnly day) => options.Value.Send;
}

public sealed class NextStepReminderRun(SalesBotDbContext db, IDigestDelivery delivery, ILogger<NextStepReminderRun> logger) : IDailyJobRun
{
    public async Task RunAsync(DateOnly day, CancellationToken ct)
    {
        var snoozed = db.NudgeSnoozes.Where(s => s.Until >= day).Select(s => s.OpportunityId);
        var steps = await (from v in db.Visits.AsNoTracking()
                           where v.Status == VisitStatus.Done && v.NextStepDate == day && v.OpportunityId != null && !snoozed.Contains(v.OpportunityId!.Value)
                           join o in db.Opportunities on v.OpportunityId equals o.Id
                           where o.Stage != Stage.Won && o.Stage != Stage.Lost
                           join c in db.Clients on o.ClientId equals c.Id
                           join s in db.NudgeSettings on v.OwnerId equals s.PersonId into chosen
                           from s in chosen.DefaultIfEmpty()
                           where s == null || (s.Kinds & NudgeKinds.NextSteps) == NudgeKinds.NextSteps
                           select new { v.OwnerId, Item = new NudgeItem(NudgeKinds.NextSteps, o.Id, o.Title, c.Name, o.Stage, o.TotalValue, o.Currency, v.NextStepDate, v.NextStep) })
            .ToListAsync(ct);
        var (sent, unreachable) = (0, 0);
        foreach (var owner in steps.GroupBy(s => s.OwnerId))
        {
            if (await db.People.Include(p => p.Team).FirstOrDefaultAsync(p => p.Id == owner.Key, ct) is not { } person) continue;
            foreach (var step in owner)
            {
                if (await delivery.SendNextStepAsync(person, step.Item, ct)) sent++;
                else unreachable++;
            }
        }
        logger.LogInformation("Next steps of {Day}: {Sent} reminders queued, {Unreachable} for people with no chat with the bot yet", day, sent, unreachable);
    }
}
