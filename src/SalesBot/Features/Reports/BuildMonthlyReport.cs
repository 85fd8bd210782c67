using SalesBot.Features.Shared;
using SalesBot.Features.Clients;
using SalesBot.Features.Indicators;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits;

namespace SalesBot.Features.Reports;

/// <summary>
/// Gathers a month of a scope's work into a <see cref="MonthlyReport"/>. Whose records count is the
/// indicators' rule (the owner, and the owner's team today); who may read which scope is decided
/// by <see cref="ReadMonthlyReport"/> or, for the scheduled reports, by who receives them.
/// </summary>
public sealed class BuildMonthlyReport(SalesBotDbContext db, IndicatorEngine engine, IndicatorPeople people, BusinessCalendar calendar)
{
    /// <summary>
    /// The report as its card shows it: the indicators, the members' rows, and what each section
    /// adds up to, counted in one query; the rows themselves are left for the workbook.
    /// </summary>
    public async Task<MonthlyReport> SummaryAsync(IndicatorScope scope, IndicatorPeriod month, CancellationToken ct)
    {
        var indicators = await IndicatorsAsync(scope, month, ct);
        var q = await SectionsAsync(scope, month, ct);
        // What each section adds up to, and what each owner did, in one query (UNION ALL): the card
        // stays within a turn's few queries however many members the scope has.
        var counted = await q.Visits.GroupBy(v => 1).Select(g => new CountRow { Section = 0, Owner = null, A = g.Count(v => v.Status == VisitStatus.Done), B = g.Count(v => v.Status == VisitStatus.Cancelled), C = g.Count(v => v.Status == VisitStatus.Scheduled), D = 0 })
            .Concat(q.Lifecycle.GroupBy(e => 1).Select(g => new CountRow { Section = 1, Owner = null, A = g.Count(e => e.Kind == LifecycleKind.SignUp), B = g.Count(e => e.Kind == LifecycleKind.Churn), C = 0, D = 0 }))
            .Concat(q.Moves.GroupBy(m => 1).Select(g => new CountRow { Section = 2, Owner = null, A = g.Count(), B = g.Count(m => m.ToStage == Stage.Won), C = g.Count(m => m.ToStage == Stage.Lost), D = 0 }))
            .Concat(q.Offers.GroupBy(f => 1).Select(g => new CountRow { Section = 3, Owner = null, A = g.Count(), B = g.Count(f => f.Status == OfferStatus.Accepted), C = g.Count(f => f.Status == OfferStatus.Declined), D = g.Count(f => f.Status == OfferStatus.PendingApproval) }))
            .Concat(q.Pqrs.GroupBy(p => 1).Select(g => new CountRow { Section = 4, Owner = null, A = g.Count(), B = g.Count(p => p.AnsweredAt != null && p.AnsweredOnTime == true), C = g.Count(p => p.AnsweredAt != null && p.AnsweredOnTime != true), D = g.Count(p => p.AnsweredAt == null) }))
            .Concat(ByOwner(q))
            .ToListAsync(ct);
        var members = await MembersAsync(scope, counted.Where(c => c.Section >= ByOwnerSection).Select(c => new OwnerCount(c.Owner, c.Section - ByOwnerSection, c.A)).ToList(), null, ct);
        CountRow Of(int section) => counted.FirstOrDefault(c => c.Section == section) ?? new CountRow { Section = section };
        var (visits, lifecycle, moves, offers, pqrs) = (Of(0), Of(1), Of(2), Of(3), Of(4));
        var totals = new MonthlyReportTotals(visits.A, visits.B, visits.C, PlannedOf(indicators), lifecycle.A, lifecycle.B, moves.A, moves.B, moves.C,
            offers.A, offers.B, offers.C, offers.D, pqrs.A, pqrs.B, pqrs.C, pqrs.D);
        return new MonthlyReport(scope, month, indicators, members, totals, [], [], [], [], [], false);
    }

    /// <summary>The whole report, every row of every section, as the workbook has it.</summary>
    public async Task<MonthlyReport> BuildAsync(IndicatorScope scope, IndicatorPeriod month, CancellationToken ct)
    {
        var indicators = await IndicatorsAsync(scope, month, ct);
        var q = await SectionsAsync(scope, month, ct);
        var members = await MembersAsync(scope, (await ByOwner(q).ToListAsync(ct)).Select(r => new OwnerCount(r.Owner, r.Section - ByOwnerSection, r.A)).ToList(), month, ct);
        const int take = MonthlyReport.MaxRowsPerSection + 1;
        var names = (await people.AllAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        string NameOf(Guid? id) => id is { } i ? names.GetValueOrDefault(i, "") : "";

        var visitRows = await (from v in q.Visits
                               join c in db.Clients on v.ClientId equals c.Id
                               join o in db.Opportunities on v.OpportunityId equals o.Id into linked
                               from o in linked.DefaultIfEmpty()
                               orderby v.Start
                               select new { v.Start, Client = c.Name, v.OwnerId, v.Type, v.Status, v.Outcome, Deal = o == null ? v.Opportunity : o.Title })
            .Take(take).ToListAsync(ct);
        var lifecycle = await (from e in q.Lifecycle
                               join c in db.Clients on e.ClientId equals c.Id
                               orderby e.On, c.Name
                               select new { e.On, Client = c.Name, e.Kind, e.Reason, c.OwnerId }).Take(take).ToListAsync(ct);
        var moves = await (from ch in q.Moves
                           join o in db.Opportunities on ch.OpportunityId equals o.Id
                           join c in db.Clients on o.ClientId equals c.Id
                           orderby ch.At
                           select new { ch.At, o.Title, Client = c.Name, ch.FromStage, ch.ToStage, o.OwnerId }).Take(take).ToListAsync(ct);
        var offers = await (from f in q.Offers
                            join o in db.Opportunities on f.OpportunityId equals o.Id
                            join c in db.Clients on o.ClientId equals c.Id
                            orderby f.CreatedAt
                            select new { f.CreatedAt, o.Title, Client = c.Name, f.Number, f.Status, f.Total, f.Currency, f.DecidedAt, o.OwnerId })
            .Take(take).ToListAsync(ct);
        var pqrRows = await (from p in q.Pqrs
                             join c in db.Clients on p.ClientId equals c.Id
                             orderby p.DueDate, p.FilingNumber
                             select new { p.FilingNumber, Client = c.Name, p.Type, p.FiledAt, p.DueDate, p.AnsweredAt, p.AnsweredOnTime, p.AssigneeId })
            .Take(take).ToListAsync(ct);

        var truncated = new[] { visitRows.Count, lifecycle.Count, moves.Count, offers.Count, pqrRows.Count }.Any(n => n > MonthlyReport.MaxRowsPerSection);
        static IEnumerable<T> Bounded<T>(IEnumerable<T> rows) => rows.Take(MonthlyReport.MaxRowsPerSection);
        var report = new MonthlyReport(scope, month, indicators, members, MonthlyReportTotals.None,
            Bounded(visitRows).Select(v => new ReportVisit(v.Start, v.Client, NameOf(v.OwnerId), v.Type, v.Status, v.Outcome, v.Deal)).ToList(),
            Bounded(lifecycle).Select(e => new ReportLifecycleEvent(e.On, e.Client, e.Kind == LifecycleKind.SignUp, e.Reason, e.OwnerId is null ? null : NameOf(e.OwnerId))).ToList(),
            Bounded(moves).Select(m => new ReportStageMove(m.At, m.Title, m.Client, m.FromStage, m.ToStage, NameOf(m.OwnerId))).ToList(),
            Bounded(offers).Select(f => new ReportOffer(f.CreatedAt, f.Title, f.Client, f.Number, f.Status, f.Total, f.Currency, f.DecidedAt, NameOf(f.OwnerId))).ToList(),
            Bounded(pqrRows).Select(p => new ReportPqr(p.FilingNumber, p.Client, p.Type, p.FiledAt, p.DueDate, p.AnsweredAt, p.AnsweredOnTime,
                p.AssigneeId is null ? null : NameOf(p.AssigneeId))).ToList(),
            truncated);
        return report with { Totals = MonthlyReportTotals.Of(report, PlannedOf(indicators)) };
    }

    /// <summary>The month's records of the scope, section by section: what both the summary and the workbook read.</summary>
    private sealed record SectionQueries(IQueryable<Visit> Visits, IQueryable<ClientLifecycleEvent> Lifecycle, IQueryable<OpportunityStageChange> Moves,
        IQueryable<Offer> Offers, IQueryable<Pqr> Pqrs);

    private async Task<SectionQueries> SectionsAsync(IndicatorScope scope, IndicatorPeriod month, CancellationToken ct)
    {
        var owners = await people.OwnersAsync(scope, ct);
        var (start, end) = (calendar.StartOf(month.From).ToUniversalTime(), calendar.StartOf(month.To.AddDays(1)).ToUniversalTime());
        var visits = db.Visits.AsNoTracking().Where(v => v.Start >= start && v.Start < end);
        if (owners is not null) visits = visits.Where(v => owners.Contains(v.OwnerId));
        var clients = owners is null ? db.Clients : db.Clients.Where(c => c.OwnerId != null && owners.Contains(c.OwnerId.Value));
        var lifecycle = db.ClientLifecycleEvents.Where(e => e.On >= month.From && e.On <= month.To && clients.Any(c => c.Id == e.ClientId));
        var deals = owners is null ? db.Opportunities : db.Opportunities.Where(o => owners.Contains(o.OwnerId));
        var moves = db.OpportunityStageChanges.Where(ch => ch.At >= start && ch.At < end && deals.Any(o => o.Id == ch.OpportunityId));
        var offers = db.Offers.AsNoTracking().Where(f => (f.CreatedAt >= start && f.CreatedAt < end || f.DecidedAt >= start && f.DecidedAt < end)
            && deals.Any(o => o.Id == f.OpportunityId));
        var pqrs = db.Pqrs.AsNoTracking().Where(p => p.FiledAt >= start && p.FiledAt < end || p.DueDate >= month.From && p.DueDate <= month.To);
        if (owners is not null) pqrs = pqrs.Where(p => p.AssigneeId != null && owners.Contains(p.AssigneeId.Value));
        return new SectionQueries(visits, lifecycle, moves, offers, pqrs);
    }

    /// <summary>Visits planned in the month: the visit-compliance indicator's denominator, already counted.</summary>
    private static int PlannedOf(IReadOnlyList<IndicatorResult> indicators) =>
        (int)(indicators.First(i => i.Indicator == Indicator.VisitCompliance).Figures.Denominator ?? 0);

    private sealed record OwnerCount(Guid? Owner, int Kind, int Count);

    private const int ByOwnerSection = 10;

    /// <summary>Per owner (sections 10, 11, 12): visits done, sign-ups of their clients, deals won.</summary>
    private IQueryable<CountRow> ByOwner(SectionQueries q) =>
        q.Visits.Where(v => v.Status == VisitStatus.Done).GroupBy(v => v.OwnerId)
            .Select(g => new CountRow { Section = ByOwnerSection, Owner = g.Key, A = g.Count(), B = 0, C = 0, D = 0 })
            .Concat(from e in q.Lifecycle
                    where e.Kind == LifecycleKind.SignUp
                    join c in db.Clients on e.ClientId equals c.Id
                    group e by c.OwnerId into g
                    select new CountRow { Section = ByOwnerSection + 1, Owner = g.Key, A = g.Count(), B = 0, C = 0, D = 0 })
            .Concat(from m in q.Moves
                    where m.ToStage == Stage.Won
                    join o in db.Opportunities on m.OpportunityId equals o.Id
                    group m by o.OwnerId into g
                    select new CountRow { Section = ByOwnerSection + 2, Owner = g.Key, A = g.Count(), B = 0, C = 0, D = 0 });

    /// <summary>A counted row: a section's totals (no owner) or one owner's count.</summary>
    private sealed class CountRow
    {
        public int Section { get; init; }
        public Guid? Owner { get; init; }
        public int A { get; init; }
        public int B { get; init; }
        public int C { get; init; }
        public int D { get; init; }
    }

    /// <summary>
    /// A row per member (a team's executives, the division's teams) with what they did, from the
    /// owners' counts; with a month, their indicators too (the workbook's, not the card's).
    /// </summary>
    private async Task<IReadOnlyList<ReportMember>> MembersAsync(IndicatorScope scope, IReadOnlyList<OwnerCount> byOwner, IndicatorPeriod? withIndicators, CancellationToken ct)
    {
        var everyone = await people.AllAsync(ct);
        var memberScopes = await people.MembersAsync(scope, ct);
        var teamOf = everyone.ToDictionary(p => p.Id, p => p.TeamId);
        // A person's own counts, or a team's: the counts of the owners in it.
        bool Counts(IndicatorScope member, Guid? owner) => owner is { } o && (member.Kind == ScopeKind.Person ? o == member.Id : teamOf.GetValueOrDefault(o) == member.Id);
        int Sum(IndicatorScope member, int kind) => byOwner.Where(r => r.Kind == kind && Counts(member, r.Owner)).Sum(r => r.Count);
        var members = new List<ReportMember>();
        foreach (var member in memberScopes)
            members.Add(new ReportMember(member.Name, withIndicators is { } month ? await IndicatorsAsync(member, month, ct) : [],
                new MemberActivity(Sum(member, 0), Sum(member, 1), Sum(member, 2))));
        return members;
    }

    private async Task<IReadOnlyList<IndicatorResult>> IndicatorsAsync(IndicatorScope scope, IndicatorPeriod month, CancellationToken ct)
    {
        var results = new List<IndicatorResult>();
        foreach (var indicator in Indicators.Indicators.Codes.Values) results.Add(await engine.ComputeAsync(indicator, scope, month, ct));
        return results;
    }
}
