using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits;

namespace SalesBot.Features.Digests;

/// <summary>One item of a nudge: a deal and what calls for it.</summary>
public sealed record NudgeItem(NudgeKinds Kind, Guid DealId, string Deal, string Client, Stage Stage, decimal Value, string Currency, DateOnly? Date, string? Detail);

/// <summary>An executive's weekly nudge: the items of the kinds they keep on, deals they snoozed left out.</summary>
public sealed record Nudges(Guid PersonId, IReadOnlyList<NudgeItem> Items)
{
    public IEnumerable<NudgeItem> Of(NudgeKinds kind) => Items.Where(i => i.Kind == kind);
}

/// <summary>
/// Builds an executive's nudge on a day: their open deals gone quiet for 14 days or past their
/// expected close, the next steps of their visits dated this week (Monday to Sunday), and their
/// offers approved and not yet sent. A snoozed deal is left out until its date.
/// </summary>
public sealed class BuildNudges(SalesBotDbContext db, BusinessCalendar calendar)
{
    public async Task<Nudges> ExecuteAsync(Guid personId, NudgeKinds kinds, DateTimeOffset at, CancellationToken ct)
    {
        var today = calendar.LocalDate(at);
        var snoozed = db.NudgeSnoozes.Where(s => s.Until >= today).Select(s => s.OpportunityId);
        var deals = from o in db.Opportunities.AsNoTracking()
                    where o.OwnerId == personId && !snoozed.Contains(o.Id)
                    join c in db.Clients on o.ClientId equals c.Id
                    select new { o, Client = c.Name };
        var items = new List<NudgeItem>();
        if ((kinds & (NudgeKinds.Stale | NudgeKinds.PastClose)) != 0)
        {
            var quietSince = at - WeeklyDigest.StaleAfter;
            var open = await deals.Where(d => d.o.Stage != Stage.Won && d.o.Stage != Stage.Lost && (d.o.LastActivityAt < quietSince || d.o.ExpectedClose < today))
                .Select(d => new { d.o.Id, d.o.Title, d.Client, d.o.Stage, d.o.TotalValue, d.o.Currency, d.o.ExpectedClose, d.o.LastActivityAt }).ToListAsync(ct);
            if ((kinds & NudgeKinds.PastClose) != 0)
                items.AddRange(open.Where(d => d.ExpectedClose < today).OrderBy(d => d.ExpectedClose)
                    .Select(d => new NudgeItem(NudgeKinds.PastClose, d.Id, d.Title, d.Client, d.Stage, d.TotalValue, d.Currency, d.ExpectedClose, null)));
            if ((kinds & NudgeKinds.Stale) != 0)
                items.AddRange(open.Where(d => d.LastActivityAt < quietSince && !(d.ExpectedClose < today && (kinds & NudgeKinds.PastClose) != 0)).OrderBy(d => d.LastActivityAt)
                    .Select(d => new NudgeItem(NudgeKinds.Stale, d.Id, d.Title, d.Client, d.Stage, d.TotalValue, d.Currency, calendar.LocalDate(d.LastActivityAt), null)));
        }
        if ((kinds & NudgeKinds.NextSteps) != 0)
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var sunday = monday.AddDays(6);
            var steps = await (from v in db.Visits.AsNoTracking()
                               where v.OwnerId == personId && v.Status == VisitStatus.Done && v.NextStepDate >= monday && v.NextStepDate <= sunday && v.OpportunityId != null
                               join d in deals on v.OpportunityId equals d.o.Id
                               where d.o.Stage != Stage.Won && d.o.Stage != Stage.Lost
                               orderby v.NextStepDate
                               select new NudgeItem(NudgeKinds.NextSteps, d.o.Id, d.o.Title, d.Client, d.o.Stage, d.o.TotalValue, d.o.Currency, v.NextStepDate, v.NextStep)).ToListAsync(ct);
            items.AddRange(steps);
        }
        if ((kinds & NudgeKinds.ApprovedOffers) != 0)
        {
            var approved = await (from f in db.Offers.AsNoTracking()
                                  where f.Status == OfferStatus.Approved
                                  join d in deals on f.OpportunityId equals d.o.Id
                                  orderby f.Number
                                  select new NudgeItem(NudgeKinds.ApprovedOffers, d.o.Id, d.o.Title, d.Client, d.o.Stage, f.Total, f.Currency, f.ValidUntil, f.Number.ToString())).ToListAsync(ct);
            items.AddRange(approved);
        }
        return new Nudges(personId, items);
    }
}
