using SalesBot.Features.Shared;
using SalesBot.Features.Indicators;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Visits;

namespace SalesBot.Features.Reports;

/// <summary>
/// A month of one scope's work, as seeds 001 and 003 report it: the indicators against their
/// goals, and what happened (visits, sign-ups and churn, stage moves, offers, PQRs). A team's
/// report has a row per member, the division's a row per team. A summary (the card) has the totals
/// and no rows; the full report (the workbook) has every row too.
/// </summary>
public sealed record MonthlyReport(
    IndicatorScope Scope,
    IndicatorPeriod Month,
    IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<ReportMember> Members,
    MonthlyReportTotals Totals,
    IReadOnlyList<ReportVisit> Visits,
    IReadOnlyList<ReportLifecycleEvent> Lifecycle,
    IReadOnlyList<ReportStageMove> StageMoves,
    IReadOnlyList<ReportOffer> Offers,
    IReadOnlyList<ReportPqr> Pqrs,
    bool Truncated)
{
    /// <summary>Rows per section at most: a division's month stays a file a spreadsheet opens at once.</summary>
    public const int MaxRowsPerSection = 50_000;
}

/// <summary>
/// A member of the team (or a team of the division): what they did in the month and, in the full
/// report, their indicators in <see cref="Indicators.Codes"/> order (none in a summary: seven
/// indicators per member would cost a card a few queries per executive).
/// </summary>
public sealed record ReportMember(string Name, IReadOnlyList<IndicatorResult> Indicators, MemberActivity Activity);

/// <summary>What a member did in the month: the card's row, counted for every member in one query.</summary>
public sealed record MemberActivity(int VisitsDone, int SignUps, int Won);

public sealed record ReportVisit(DateTimeOffset Start, string Client, string Owner, VisitType? Type, VisitStatus Status, VisitOutcome? Outcome, string? Opportunity);

public sealed record ReportLifecycleEvent(DateOnly On, string Client, bool SignUp, string? Reason, string? Owner);

public sealed record ReportStageMove(DateTimeOffset At, string Opportunity, string Client, Stage? From, Stage To, string Owner);

public sealed record ReportOffer(DateTimeOffset CreatedAt, string Opportunity, string Client, int Number, OfferStatus Status, decimal Total, string Currency,
    DateTimeOffset? DecidedAt, string Owner);

public sealed record ReportPqr(string FilingNumber, string Client, PqrType Type, DateTimeOffset FiledAt, DateOnly DueDate, DateTimeOffset? AnsweredAt,
    bool? AnsweredOnTime, string? Assignee);

/// <summary>What a report's sections add up to, as its card and its summary sheet say it.</summary>
public sealed record MonthlyReportTotals(
    int VisitsDone, int VisitsCancelled, int VisitsScheduled, int PlannedVisits,
    int SignUps, int Churns, int StageMoves, int Won, int Lost,
    int Offers, int OffersAccepted, int OffersDeclined, int OffersPending,
    int Pqrs, int PqrsOnTime, int PqrsLate, int PqrsOpen)
{
    public static readonly MonthlyReportTotals None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The totals of a full report's rows.</summary>
    public static MonthlyReportTotals Of(MonthlyReport r, int plannedVisits) => new(
        r.Visits.Count(v => v.Status == VisitStatus.Done), r.Visits.Count(v => v.Status == VisitStatus.Cancelled),
        r.Visits.Count(v => v.Status == VisitStatus.Scheduled), plannedVisits,
        r.Lifecycle.Count(e => e.SignUp), r.Lifecycle.Count(e => !e.SignUp),
        r.StageMoves.Count, r.StageMoves.Count(m => m.To == Stage.Won), r.StageMoves.Count(m => m.To == Stage.Lost),
        r.Offers.Count, r.Offers.Count(o => o.Status == OfferStatus.Accepted), r.Offers.Count(o => o.Status == OfferStatus.Declined),
        r.Offers.Count(o => o.Status == OfferStatus.PendingApproval),
        r.Pqrs.Count, r.Pqrs.Count(p => p.AnsweredAt is not null && p.AnsweredOnTime == true),
        r.Pqrs.Count(p => p.AnsweredAt is not null && p.AnsweredOnTime != true), r.Pqrs.Count(p => p.AnsweredAt is null));
}
