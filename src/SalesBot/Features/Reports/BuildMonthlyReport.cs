using SalesBot.Features.Clients;
using SalesBot.Features.Indicators;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Reports;

/// <summary>
/// Gathers a month of a scope's work into a <see cref="MonthlyReport"/>. Whose records count is the
/// indicators' rule (the owner, and the owner's team today); who may read which scope is decided
/// by <see cref="ReadMonthlyReport"/> or, for the scheduled reports, by who receives them.
/// </summary>
public sealed class BuildMonthlyReport(SalesBotDbContext db, IndicatorEngine engine, IndicatorPeople people, BusinessCalendar calendar)
{
    public async Task<MonthlyReport> BuildAsync(IndicatorScope scope, IndicatorPeriod month, CancellationToken ct)
    {
        var indicators = await IndicatorsAsync(scope, month, ct);
        var members = new List<ReportMember>();
        foreach (var member in await MemberScopesAsync(scope, ct)) members.Add(new ReportMember(member.Name, await IndicatorsAsync(member, month, ct)));

        var owners = await people.OwnersAsync(scope, ct);
        var (start, end) = (calendar.StartOf(month.From).ToUniversalTime(), calendar.StartOf(month.To.AddDays(1)).ToUniversalTime());
        const int take = MonthlyReport.MaxRowsPerSection + 1;
        var names = (await people.AllAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        string NameOf(Guid? id) => id is { } i ? names.GetValueOrDefault(i, "") : "";

        var visits = db.Visits.AsNoTracking().Where(v => v.Start >= start && v.Start < end);
        if (owners is not null) visits = visits.Where(v => owners.Contains(v.OwnerId));
        var visitRows = await (from v in visits
                               join c in db.Clients on v.ClientId equals c.Id
                               join o in db.Opportunities on v.OpportunityId equals o.Id into linked
                               from o in linked.DefaultIfEmpty()
                               orderby v.Start
                               select new { v.Start, Client = c.Name, v.OwnerId, v.Type, v.Status, v.Outcome, Deal = o == null ? v.Opportunity : o.Title })
            .Take(take).ToListAsync(ct);

        var plans = db.VisitPlans.Where(p => p.Year == month.From.Year && p.Month == month.From.Month);
        if (owners is not null) plans = plans.Where(p => owners.Contains(p.OwnerId));
        var planned = await plans.SumAsync(p => p.Planned, ct);

        var clients = owners is null ? db.Clients : db.Clients.Where(c => c.OwnerId != null && owners.Contains(c.OwnerId.Value));
        var lifecycle = await (from e in db.ClientLifecycleEvents
                               where e.On >= month.From && e.On <= month.To
                               join c in clients on e.ClientId equals c.Id
                               orderby e.On, c.Name
                               select new { e.On, Client = c.Name, e.Kind, e.Reason, c.OwnerId }).Take(take).ToListAsync(ct);

        var deals = owners is null ? db.Opportunities : db.Opportunities.Where(o => owners.Contains(o.OwnerId));
        var moves = await (from ch in db.OpportunityStageChanges
                           where ch.At >= start && ch.At < end
                           join o in deals on ch.OpportunityId equals o.Id
                           join c in db.Clients on o.ClientId equals c.Id
                           orderby ch.At
                           select new { ch.At, o.Title, Client = c.Name, ch.FromStage, ch.ToStage, o.OwnerId }).Take(take).ToListAsync(ct);

        var offers = await (from f in db.Offers
                            where f.CreatedAt >= start && f.CreatedAt < end || f.DecidedAt >= start && f.DecidedAt < end
                            join o in deals on f.OpportunityId equals o.Id
                            join c in db.Clients on o.ClientId equals c.Id
                            orderby f.CreatedAt
                            select new { f.CreatedAt, o.Title, Client = c.Name, f.Number, f.Status, f.Total, f.Currency, f.DecidedAt, o.OwnerId })
            .Take(take).ToListAsync(ct);

        var pqrs = db.Pqrs.AsNoTracking().Where(p => p.FiledAt >= start && p.FiledAt < end || p.DueDate >= month.From && p.DueDate <= month.To);
        if (owners is not null) pqrs = pqrs.Where(p => p.AssigneeId != null && owners.Contains(p.AssigneeId.Value));
        var pqrRows = await (from p in pqrs
                             join c in db.Clients on p.ClientId equals c.Id
                             orderby p.DueDate, p.FilingNumber
                             select new { p.FilingNumber, Client = c.Name, p.Type, p.FiledAt, p.DueDate, p.AnsweredAt, p.AnsweredOnTime, p.AssigneeId })
            .Take(take).ToListAsync(ct);

        var truncated = new[] { visitRows.Count, lifecycle.Count, moves.Count, offers.Count, pqrRows.Count }.Any(n => n > MonthlyReport.MaxRowsPerSection);
        static IEnumerable<T> Bounded<T>(IEnumerable<T> rows) => rows.Take(MonthlyReport.MaxRowsPerSection);
        return new MonthlyReport(scope, month, indicators, members,
            Bounded(visitRows).Select(v => new ReportVisit(v.Start, v.Client, NameOf(v.OwnerId), v.Type, v.Status, v.Outcome, v.Deal)).ToList(),
            planned,
            Bounded(lifecycle).Select(e => new ReportLifecycleEvent(e.On, e.Client, e.Kind == LifecycleKind.SignUp, e.Reason, e.OwnerId is null ? null : NameOf(e.OwnerId))).ToList(),
            Bounded(moves).Select(m => new ReportStageMove(m.At, m.Title, m.Client, m.FromStage, m.ToStage, NameOf(m.OwnerId))).ToList(),
            Bounded(offers).Select(f => new ReportOffer(f.CreatedAt, f.Title, f.Client, f.Number, f.Status, f.Total, f.Currency, f.DecidedAt, NameOf(f.OwnerId))).ToList(),
            Bounded(pqrRows).Select(p => new ReportPqr(p.FilingNumber, p.Client, p.Type, p.FiledAt, p.DueDate, p.AnsweredAt, p.AnsweredOnTime,
                p.AssigneeId is null ? null : NameOf(p.AssigneeId))).ToList(),
            truncated);
    }

    private async Task<IReadOnlyList<IndicatorResult>> IndicatorsAsync(IndicatorScope scope, IndicatorPeriod month, CancellationToken ct)
    {
        var results = new List<IndicatorResult>();
        foreach (var indicator in Indicators.Indicators.Codes.Values) results.Add(await engine.ComputeAsync(indicator, scope, month, ct));
        return results;
    }

    /// <summary>A team's rows are its executives; the division's, its teams.</summary>
    private async Task<IReadOnlyList<IndicatorScope>> MemberScopesAsync(IndicatorScope scope, CancellationToken ct) => scope.Kind switch
    {
        ScopeKind.Team => (await db.People.AsNoTracking().Where(p => p.TeamId == scope.Id && (p.Roles & Role.Executive) == Role.Executive)
                .Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => new IndicatorScope(ScopeKind.Person, p.Id, p.Name)).ToList(),
        ScopeKind.Company => (await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => new IndicatorScope(ScopeKind.Team, t.Id, t.Name)).ToList(),
        _ => [],
    };
}
