using SalesBot.Features.Shared;
using SalesBot.Features.Indicators;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Digests;

/// <summary>
/// Builds a team's weekly digest for the 7 days up to a moment, in a fixed handful of queries
/// whatever the team's size: its open deals once (the pipeline, closing soon, stale and the
/// forecast's open part come from them), the week's stage changes, the quarter's wins, the month's
/// visits and plan, the PQRs due, and the approvals waiting.
/// </summary>
public sealed class BuildWeeklyDigest(SalesBotDbContext db, GoalBook goals, BusinessCalendar calendar, IOptions<OrganizationOptions> organization)
{
    private static readonly Stage[] Funnel = [Stage.Hunting, Stage.Qualification, Stage.Proposal, Stage.Negotiation, Stage.Won];

    /// <summary>
    /// The digest for someone who asked for a list of it in full: its team's members, its lead,
    /// directors and administrators may read it (the channel showed them the first rows anyway).
    /// </summary>
    public async Task<Result<WeeklyDigest>> ReadAsync(Actor actor, Guid teamId, DateTimeOffset at, CancellationToken ct)
    {
        var mayRead = (actor.Roles & (Role.Admin | Role.CommercialDirector | Role.GeneralDirector)) != 0
            || actor.PersonId is { } me && await db.People.AnyAsync(p => p.Id == me && p.TeamId == teamId, ct);
        if (!mayRead) return DomainError.Forbidden("digests.read");
        return await ExecuteAsync(teamId, at, ct) is { } digest ? digest : DomainError.NotFound("team", teamId.ToString("D"));
    }

    public async Task<WeeklyDigest?> ExecuteAsync(Guid teamId, DateTimeOffset at, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
        if (team is null) return null;
        var owners = await db.People.AsNoTracking().Where(p => p.TeamId == teamId).Select(p => p.Id).ToListAsync(ct);
        var today = calendar.LocalDate(at);
        var weekStart = at - TimeSpan.FromDays(7);
        var month = IndicatorPeriod.Holding(PeriodKind.Month, today);
        var quarter = IndicatorPeriod.Holding(PeriodKind.Quarter, today);
        var scope = new IndicatorScope(ScopeKind.Team, team.Id, team.Name);

        var deals = db.Opportunities.AsNoTracking().Where(o => owners.Contains(o.OwnerId));
        var open = await (from o in deals
                          where o.Stage != Stage.Won && o.Stage != Stage.Lost
                          join c in db.Clients on o.ClientId equals c.Id
                          join p in db.People on o.OwnerId equals p.Id
                          select new { Deal = new DigestDeal(o.Id, o.Title, c.Name, p.Name, o.Stage, o.TotalValue, o.Currency, o.ExpectedClose, o.LastActivityAt), o.WeightedValue, Regulated = (o.Segment ?? c.Segment) == Clients.ClientSegment.Regulated })
            .ToListAsync(ct);
        var pipeline = Stages.Open.Select(s => open.Where(o => o.Deal.Stage == s).ToList())
            .Select((rows, i) => new StageSummary(Stages.Open[i], rows.Count, rows.Sum(r => r.Deal.Value), rows.Sum(r => r.WeightedValue))).ToList();

        var closingBy = today.AddDays(WeeklyDigest.ClosingWithinDays);
        var closing = open.Where(o => o.Deal.ExpectedClose is { } close && close >= today && close <= closingBy).Select(o => o.Deal)
            .OrderBy(d => d.ExpectedClose).ThenByDescending(d => d.Value).ToList();
        var stale = open.Where(o => o.Deal.LastActivityAt < at - WeeklyDigest.StaleAfter).Select(o => o.Deal)
            .OrderBy(d => d.LastActivityAt).ThenByDescending(d => d.Value).ToList();

        decimal WeightedIn(IndicatorPeriod period) =>
            open.Where(o => !o.Regulated && o.Deal.ExpectedClose is { } close && close >= period.From && close <= period.To).Sum(o => o.WeightedValue);
        var quarterStart = calendar.StartOf(quarter.From);
        var monthStart = calendar.StartOf(month.From);
        // Won in the quarter: the first entry into Won of each non-regulated deal still won, as the budget indicator counts it.
        var wins = await (from ch in db.OpportunityStageChanges
                          where ch.ToStage == Stage.Won && ch.At >= quarterStart && ch.At <= at
                                && !db.OpportunityStageChanges.Any(e => e.OpportunityId == ch.OpportunityId && e.ToStage == Stage.Won && e.At < ch.At)
                          join o in deals on ch.OpportunityId equals o.Id
                          where o.Stage == Stage.Won
                          join c in db.Clients on o.ClientId equals c.Id
                          where (o.Segment ?? c.Segment) != Clients.ClientSegment.Regulated
                          select new { ch.At, o.TotalValue }).ToListAsync(ct);
        var monthForecast = new DigestForecast(month.Label, wins.Where(w => w.At >= monthStart).Sum(w => w.TotalValue), WeightedIn(month),
            await goals.GoalAsync(Indicator.BudgetExecutionNonRegulated, scope, month, ct));
        var quarterForecast = new DigestForecast(quarter.Label, wins.Sum(w => w.TotalValue), WeightedIn(quarter),
            await goals.GoalAsync(Indicator.BudgetExecutionNonRegulated, scope, quarter, ct));

        return new WeeklyDigest(team.Id, team.Name, calendar.LocalDate(weekStart), today, organization.Value.Currency, pipeline, monthForecast, quarterForecast,
            await MovesAsync(deals, weekStart, at, ct), closing, stale, await VisitsAsync(owners, month, today, at, ct),
            await PqrsAsync(owners, today, ct), await ApprovalsAsync(deals, at, ct));
    }

    /// <summary>Deals created in the week, and each deal's last stage change in it.</summary>
    private async Task<IReadOnlyList<DigestMove>> MovesAsync(IQueryable<Opportunity> deals, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var changes = await (from ch in db.OpportunityStageChanges
                             where ch.At >= since && ch.At < until
                             join o in deals on ch.OpportunityId equals o.Id
                             join c in db.Clients on o.ClientId equals c.Id
                             join p in db.People on o.OwnerId equals p.Id
                             select new
                             {
                                 Deal = new DigestDeal(o.Id, o.Title, c.Name, p.Name, o.Stage, o.TotalValue, o.Currency, o.ExpectedClose, o.LastActivityAt),
                                 o.CreatedAt,
                                 o.LostReason,
                                 ch.FromStage,
                                 ch.ToStage,
                                 ch.At,
                             }).ToListAsync(ct);
        var moves = new List<DigestMove>();
        foreach (var deal in changes.GroupBy(c => c.Deal.Id))
        {
            var first = deal.MinBy(c => c.At)!;
            if (first.CreatedAt >= since && first.CreatedAt < until) moves.Add(new DigestMove(first.Deal, DigestMoveKind.New, null, first.ToStage, null));
            var last = deal.MaxBy(c => c.At)!;
            if (last.FromStage is not { } was) continue;
            var kind = last.ToStage switch
            {
                Stage.Won => DigestMoveKind.Won,
                Stage.Lost => DigestMoveKind.Lost,
                _ when was == Stage.Lost || Array.IndexOf(Funnel, last.ToStage) > Array.IndexOf(Funnel, was) => DigestMoveKind.Forward,
                _ => DigestMoveKind.Back,
            };
            moves.Add(new DigestMove(last.Deal, kind, was, last.ToStage, kind == DigestMoveKind.Lost ? last.LostReason : null));
        }
        return moves.OrderBy(m => m.Kind).ThenByDescending(m => m.Deal.Value).ToList();
    }

    private async Task<DigestVisits> VisitsAsync(List<Guid> owners, IndicatorPeriod month, DateOnly today, DateTimeOffset at, CancellationToken ct)
    {
        var start = calendar.StartOf(month.From);
        var done = await db.Visits.CountAsync(v => owners.Contains(v.OwnerId) && v.Status == Visits.VisitStatus.Done && v.Start >= start && v.Start < at, ct);
        var planned = await db.VisitPlans.Where(p => owners.Contains(p.OwnerId) && p.Year == month.From.Year && p.Month == month.From.Month).SumAsync(p => p.Planned, ct);
        var days = Enumerable.Range(0, month.To.DayNumber - month.From.DayNumber + 1).Select(month.From.AddDays).Where(calendar.IsBusinessDay).ToList();
        var elapsed = days.Count(d => d <= today);
        return new DigestVisits(done, planned, days.Count == 0 ? planned : (int)Math.Round(planned * (decimal)elapsed / days.Count, MidpointRounding.AwayFromZero));
    }

    /// <summary>Open PQRs of the team's clients, or assigned to someone in it, due by the end of this week (overdue ones included).</summary>
    private async Task<IReadOnlyList<DigestPqr>> PqrsAsync(List<Guid> owners, DateOnly today, CancellationToken ct)
    {
        var weekEnd = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7 - 1);
        // The open statuses by name (not "neither answered nor closed") and the team's clients as a
        // subquery: the (Status, DueDate) and OwnerId indexes then find the few rows, where a join
        // to every client scanned both tables for each team.
        PqrStatus[] open = [PqrStatus.Open, PqrStatus.InProgress];
        var teamClients = db.Clients.Where(c => c.OwnerId != null && owners.Contains(c.OwnerId.Value)).Select(c => c.Id);
        var rows = await db.Pqrs.AsNoTracking()
            .Where(q => open.Contains(q.Status) && q.DueDate <= weekEnd
                        && (q.AssigneeId != null && owners.Contains(q.AssigneeId.Value) || teamClients.Contains(q.ClientId)))
            .OrderBy(q => q.DueDate)
            .Select(q => new { q.FilingNumber, q.Type, q.DueDate }).ToListAsync(ct);
        return rows.Select(r => new DigestPqr(r.FilingNumber, r.Type, r.DueDate, r.DueDate < today)).ToList();
    }

    private async Task<IReadOnlyList<DigestApproval>> ApprovalsAsync(IQueryable<Opportunity> deals, DateTimeOffset at, CancellationToken ct)
    {
        var waitingSince = at - TimeSpan.FromDays(1);
        return await (from s in db.ApprovalSteps.AsNoTracking()
                      where s.Status == Offers.StepStatus.Pending && s.AskedAt != null && s.AskedAt < waitingSince
                      join f in db.Offers on s.OfferId equals f.Id
                      join o in deals on f.OpportunityId equals o.Id
                      join c in db.Clients on o.ClientId equals c.Id
                      join a in db.People on s.ApproverId equals a.Id
                      orderby s.AskedAt
                      select new DigestApproval(f.Number, c.Name, f.Total, f.Currency, a.Name, s.AskedAt!.Value)).ToListAsync(ct);
    }
}
