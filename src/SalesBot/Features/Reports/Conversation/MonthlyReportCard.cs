using SalesBot.Bot.Localization;
using SalesBot.Features.Indicators;
using SalesBot.Features.Indicators.Conversation;

namespace SalesBot.Features.Reports.Conversation;

/// <summary>
/// The monthly report as a card: the indicators against their goals, what the month added up to,
/// a row per executive (or per team), and the XLSX download when public links are configured.
/// Said the same in a chat turn and in the scheduled message.
/// </summary>
public static class MonthlyReportCard
{
    public const string Template = "monthly-report";

    public static object Data(Wording w, MonthlyReport r, string? downloadUrl)
    {
        var t = r.Totals;
        var format = w.Format;
        string N(int n) => format.Number(n);
        var notes = new List<string> { downloadUrl is null ? w.T("report.noteNoLinks") : w.T("report.noteDownload") };
        if (r.Truncated) notes.Add(w.T("report.truncated", N(MonthlyReport.MaxRowsPerSection)));
        return new
        {
            title = w.T("report.title", IndicatorText.Scope(w, r.Scope), IndicatorText.Period(w, r.Month)),
            summary = w.T("indicators.summary", r.Indicators.Count(i => i.Band is Band.Met or Band.Approved), r.Indicators.Count(i => i.Band is not null)),
            summaryColor = IndicatorText.SummaryColor(r.Indicators),
            indicatorsHeading = w.T("report.indicators"),
            indicators = r.Indicators.Select(i => new
            {
                name = w.T("indicator." + i.Indicator.Code()),
                detail = IndicatorText.Detail(w, i),
                figure = IndicatorText.Figure(w, i.Figures.Value),
            }),
            activityHeading = w.T("report.activity"),
            activity = new[]
            {
                new { name = w.T("report.visits"), detail = w.T("report.visitsDetail", N(t.VisitsCancelled), N(t.VisitsScheduled)), figure = w.T("report.visitsFigure", N(t.VisitsDone), N(t.PlannedVisits)) },
                new { name = w.T("report.lifecycle"), detail = w.T("report.lifecycleDetail", N(t.SignUps), N(t.Churns)), figure = N(t.SignUps) + " · " + N(t.Churns) },
                new { name = w.T("report.moves"), detail = w.T("report.movesDetail", N(t.Won), N(t.Lost)), figure = N(t.StageMoves) },
                new { name = w.T("report.offers"), detail = w.T("report.offersDetail", N(t.OffersAccepted), N(t.OffersDeclined), N(t.OffersPending)), figure = N(t.Offers) },
                new { name = w.T("report.pqrs"), detail = w.T("report.pqrsDetail", N(t.PqrsOnTime), N(t.PqrsLate), N(t.PqrsOpen)), figure = N(t.Pqrs) },
            },
            membersHeading = w.T(r.Scope.Kind == ScopeKind.Company ? "report.members.company" : "report.members.team"),
            members = r.Members.Select(m => new
            {
                name = m.Name,
                detail = w.T("report.memberDetail", N(m.Activity.SignUps), N(m.Activity.Won)),
                figure = w.T("report.memberFigure", N(m.Activity.VisitsDone)),
            }),
            note = string.Join(" ", notes),
            downloadTitle = w.T("report.download"),
            downloadUrl,
        };
    }
}
