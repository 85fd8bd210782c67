using SalesBot.Features.Shared;
using SalesBot.Features.Clients;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits;

namespace SalesBot.Features.Indicators;

/// <summary>One period's figures: the value (null where there is none), and what it is made of.</summary>
public sealed record IndicatorFigures(decimal? Value, decimal? Numerator, decimal? Denominator, decimal? Goal);

public sealed record TrendPoint(IndicatorPeriod Period, decimal? Value);

/// <summary>An indicator for a scope and a period: value, goal, numerator, denominator, band, and the six previous periods of the same length.</summary>
public sealed record IndicatorResult(Indicator Indicator, IndicatorScope Scope, IndicatorPeriod Period, IndicatorFigures Figures, Band? Band,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// Computes every indicator the seeds measure, counted in the database, for a person (the records
/// they own), a team (its members') or the company, over any period. The definitions are those of
/// the goals and indicators issue (README, "Indicators").
/// </summary>
public sealed class IndicatorEngine(SalesBotDbContext db, GoalBook goals, IndicatorPeople everyone, BusinessCalendar calendar, TimeProvider clock, IOptions<IndicatorOptions> options)
{
    public const int TrendLength = 6;

    /// <summary>
    /// The indicator over the period and the six before it. Each measure reads all seven periods in
    /// one or two queries (counted in the database where it can, else the few rows it needs), so a
    /// card of every indicator stays a handful of queries.
    /// </summary>
    public async Task<IndicatorResult> ComputeAsync(Indicator indicator, IndicatorScope scope, IndicatorPeriod period, CancellationToken ct)
    {
        var periods = new List<IndicatorPeriod> { period };
        for (var i = 0; i < TrendLength; i++) periods.Insert(0, periods[0].Previous());
        var owners = await everyone.OwnersAsync(scope, ct);
        var series = await SeriesAsync(indicator, owners, periods, ct);
        var figures = new List<IndicatorFigures>();
        for (var i = 0; i < periods.Count; i++) figures.Add(Finish(indicator, series[i], await goals.GoalAsync(indicator, scope, periods[i], ct)));
        var current = figures[^1];
        return new IndicatorResult(indicator, scope, period, current, options.Value.BandOf(indicator, current.Value, current.Goal),
            periods.Take(TrendLength).Select((p, i) => new TrendPoint(p, figures[i].Value)).ToList());
    }

    /// <summary>What a period counted: a numerator and a denominator (null where the period has none).</summary>
    private readonly record struct Counted(decimal? Numerator, decimal? Denominator);

    private static IndicatorFigures Finish(Indicator indicator, Counted c, decimal? goal) => indicator switch
    {
        // Budget execution: achieved as a % of the goal, which is also its denominator.
        Indicator.BudgetExecutionRegulated or Indicator.BudgetExecutionNonRegulated =>
            new(goal is { } g && g != 0 ? Percent(c.Numerator ?? 0, g) : null, c.Numerator, goal, goal),
        Indicator.BillingGrowth => new(c.Denominator is { } d && d != 0 && c.Numerator is { } n ? Percent(n, d) : null, c.Numerator, c.Denominator, null),
        _ => new(c.Denominator is { } den && den != 0 ? Percent(c.Numerator ?? 0, den) : null, c.Numerator, c.Denominator, goal),
    };

    private async Task<Counted[]> SeriesAsync(Indicator indicator, List<Guid>? owners, List<IndicatorPeriod> periods, CancellationToken ct)
    {
        var first = periods[0].From;
        var last = periods[^1].To;
        var start = Instant(first);
        var end = Instant(last.AddDays(1));
        var starts = periods.Select(p => Instant(p.From)).ToList();
        int DayIndex(DateOnly day) => periods.FindIndex(p => day >= p.From && day <= p.To);
        int InstantIndex(DateTimeOffset at) => DayIndex(calendar.LocalDate(at));
        var counted = new Counted[periods.Count];
        switch (indicator)
        {
            case Indicator.BudgetExecutionRegulated:
                {
                    var rows = await (from e in db.ClientLifecycleEvents
                                      where e.Kind == LifecycleKind.SignUp && e.On >= first && e.On <= last
                                      join c in OwnedClients(owners) on e.ClientId equals c.Id
                                      where c.Segment == ClientSegment.Regulated
                                      select new { c.Id, e.On }).ToListAsync(ct);
                    for (var i = 0; i < periods.Count; i++) counted[i] = new(rows.Where(r => DayIndex(r.On) == i).Select(r => r.Id).Distinct().Count(), null);
                    return counted;
                }
            case Indicator.BudgetExecutionNonRegulated:
                {
                    // The first entry into Won of each deal still won, when it falls in the window.
                    var rows = await (from ch in db.OpportunityStageChanges
                                      where ch.ToStage == Stage.Won && ch.At >= start && ch.At < end
                                            && !db.OpportunityStageChanges.Any(e => e.OpportunityId == ch.OpportunityId && e.ToStage == Stage.Won && e.At < ch.At)
                                      join o in OwnedDeals(owners) on ch.OpportunityId equals o.Id
                                      where o.Stage == Stage.Won
                                      join c in db.Clients on o.ClientId equals c.Id
                                      where (o.Segment ?? c.Segment) != ClientSegment.Regulated
                                      select new { ch.At, o.TotalValue }).ToListAsync(ct);
                    for (var i = 0; i < periods.Count; i++) counted[i] = new(rows.Where(r => InstantIndex(r.At) == i).Sum(r => r.TotalValue), null);
                    return counted;
                }
            case Indicator.BillingGrowth:
                {
                    var before = periods[0].Previous();
                    var clients = OwnedClients(owners).Where(c => c.Segment == ClientSegment.Enterprise).Select(c => c.Id);
                    var (fromKey, toKey) = (before.From.Year * 100 + before.From.Month, last.Year * 100 + last.Month);
                    var byMonth = await db.ClientBillings.Where(b => clients.Contains(b.ClientId) && b.Year * 100 + b.Month >= fromKey && b.Year * 100 + b.Month <= toKey)
                        .GroupBy(b => b.Year * 100 + b.Month).Select(g => new { Month = g.Key, Amount = g.Sum(b => b.Amount) })
                        .ToDictionaryAsync(g => g.Month, g => g.Amount, ct);
                    decimal? Billed(IndicatorPeriod p) => p.Months is { } months && months.Any(m => byMonth.ContainsKey(m.Year * 100 + m.Month))
                        ? months.Sum(m => byMonth.GetValueOrDefault(m.Year * 100 + m.Month))
                        : null;
                    for (var i = 0; i < periods.Count; i++)
                    {
                        var (now, then) = (Billed(periods[i]), Billed(periods[i].Previous()));
                        counted[i] = periods[i].Months is null ? new(null, null) : new(now is null || then is null ? null : now - then, then);
                    }
                    return counted;
                }
            case Indicator.Conversion:
                {
                    Stage[] reached = [Stage.Proposal, Stage.Negotiation, Stage.Won];
                    // The first entry of each deal (two at the very same instant count once), counted per period.
                    var firsts = (from ch in db.OpportunityStageChanges
                                  where reached.Contains(ch.ToStage) && ch.At >= start && ch.At < end
                                        && !db.OpportunityStageChanges.Any(e => e.OpportunityId == ch.OpportunityId && reached.Contains(e.ToStage) && e.At < ch.At)
                                  join o in OwnedDeals(owners) on ch.OpportunityId equals o.Id
                                  select new { o.Id, ch.At, Won = o.Stage == Stage.Won }).Distinct();
                    var byPeriod = await firsts.GroupByPeriod(r => r.At, starts)
                        .Select(g => new { Period = g.Key, Entered = g.Count(), Won = g.Count(r => r.Won) }).ToListAsync(ct);
                    for (var i = 0; i < periods.Count; i++)
                        counted[i] = byPeriod.FirstOrDefault(p => p.Period == i) is { } p ? new(p.Won, p.Entered) : new(0, 0);
                    return counted;
                }
            case Indicator.VisitCompliance:
                {
                    var visits = db.Visits.Where(v => v.Status == VisitStatus.Done && v.Start >= start && v.Start < end);
                    if (owners is not null) visits = visits.Where(v => owners.Contains(v.OwnerId));
                    var done = await visits.GroupByPeriod(v => v.Start, starts).Select(g => new { Period = g.Key, Count = g.Count() })
                        .ToDictionaryAsync(g => g.Period, g => g.Count, ct);
                    var (fromKey, toKey) = (first.Year * 100 + first.Month, last.Year * 100 + last.Month);
                    var plans = db.VisitPlans.Where(p => p.Year * 100 + p.Month >= fromKey && p.Year * 100 + p.Month <= toKey);
                    if (owners is not null) plans = plans.Where(p => owners.Contains(p.OwnerId));
                    var planned = await plans.GroupBy(p => p.Year * 100 + p.Month).Select(g => new { Month = g.Key, Planned = g.Sum(p => p.Planned) })
                        .ToDictionaryAsync(g => g.Month, g => g.Planned, ct);
                    for (var i = 0; i < periods.Count; i++)
                    {
                        counted[i] = new(done.GetValueOrDefault(i), periods[i].Months is { } months ? months.Sum(m => planned.GetValueOrDefault(m.Year * 100 + m.Month)) : null);
                    }
                    return counted;
                }
            case Indicator.PqrTimeliness:
                {
                    var today = calendar.LocalDate(clock.GetUtcNow());
                    var pqrs = db.Pqrs.Where(p => p.DueDate >= first && p.DueDate <= last);
                    if (owners is not null) pqrs = pqrs.Where(p => p.AssigneeId != null && owners.Contains(p.AssigneeId.Value));
                    var byDay = await pqrs.GroupBy(p => p.DueDate).Select(g => new
                    {
                        Due = g.Key,
                        OnTime = g.Count(p => (p.Status == PqrStatus.Answered || p.Status == PqrStatus.Closed) && p.AnsweredOnTime == true),
                        Late = g.Count(p => (p.Status == PqrStatus.Answered || p.Status == PqrStatus.Closed) && p.AnsweredOnTime != true),
                        // On its due date a PQR can still be answered on time: it is overdue from the next day.
                        Open = g.Count(p => p.Status != PqrStatus.Answered && p.Status != PqrStatus.Closed),
                    }).ToListAsync(ct);
                    for (var i = 0; i < periods.Count; i++)
                    {
                        var days = byDay.Where(d => DayIndex(d.Due) == i).ToList();
                        var onTime = days.Sum(d => d.OnTime);
                        counted[i] = new(onTime, onTime + days.Sum(d => d.Late) + days.Where(d => d.Due < today).Sum(d => d.Open));
                    }
                    return counted;
                }
            case Indicator.Churn:
                {
                    var clients = OwnedClients(owners);
                    // Every sign-up and churn of the scope's clients up to the window's end: who was active at each period's start, and who left in it.
                    var events = await (from e in db.ClientLifecycleEvents
                                        where e.On <= last
                                        join c in clients on e.ClientId equals c.Id
                                        select new { e.ClientId, e.Kind, e.On, e.RecordedAt }).ToListAsync(ct);
                    var quiet = await clients.CountAsync(c => c.Status == ClientStatus.Active && !db.ClientLifecycleEvents.Any(e => e.ClientId == c.Id), ct);
                    // Each client's history in order once; a period's start then finds its latest event from the end.
                    var histories = events.GroupBy(e => e.ClientId).Select(g => g.OrderBy(e => e.On).ThenBy(e => e.RecordedAt).ToList()).ToList();
                    for (var i = 0; i < periods.Count; i++)
                    {
                        var from = periods[i].From;
                        var active = quiet + histories.Count(h => h.LastOrDefault(e => e.On < from) is { Kind: LifecycleKind.SignUp });
                        var left = events.Where(e => e.Kind == LifecycleKind.Churn && DayIndex(e.On) == i).Select(e => e.ClientId).Distinct().Count();
                        counted[i] = new(left, active);
                    }
                    return counted;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null);
        }
    }

    private DateTimeOffset Instant(DateOnly day) => calendar.StartOf(day).ToUniversalTime();

    private IQueryable<Client> OwnedClients(List<Guid>? owners) =>
        owners is null ? db.Clients : db.Clients.Where(c => c.OwnerId != null && owners.Contains(c.OwnerId.Value));

    private IQueryable<Opportunity> OwnedDeals(List<Guid>? owners) =>
        owners is null ? db.Opportunities : db.Opportunities.Where(o => owners.Contains(o.OwnerId));

    private static decimal Percent(decimal numerator, decimal denominator) => Math.Round(numerator * 100m / denominator, 2);
}
