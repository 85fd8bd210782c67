using SalesBot.Bot.Localization;
using SalesBot.Features.Indicators;
using SalesBot.Features.Indicators.Conversation;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Spreadsheets;

namespace SalesBot.Features.Reports.Api;

/// <summary>
/// The monthly report as an XLSX: a summary, the indicators, the members (a team's executives or
/// the division's teams), then a sheet per section with every row. Headers and labels in the
/// reader's language; numbers, amounts and dates as real values, times in the organisation's zone.
/// </summary>
public static class MonthlyReportWorkbook
{
    public static string FileName(MonthlyReport r) =>
        $"informe-{r.Month.Label}-{(r.Scope.Kind == ScopeKind.Company ? "empresa" : Slug(r.Scope.Name))}.xlsx";

    public static Task WriteAsync(Stream output, MonthlyReport r, Wording w, TimeZoneInfo zone, CancellationToken ct)
    {
        DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
        DateTime? LocalOrNone(DateTimeOffset? at) => at is { } a ? Local(a) : null;
        string Label(string prefix, string code) => w.T(prefix + code);
        string YesNo(bool? b) => b is null ? "" : w.T(b.Value ? "report.yes" : "report.no");
        var t = r.Totals;
        List<string> H(params string[] keys) => keys.Select(k => w.T("xlsx." + k)).ToList();

        var summary = new List<IReadOnlyList<object?>>
        {
            new object?[] { w.T("xlsx.scope"), IndicatorText.Scope(w, r.Scope) },
            new object?[] { w.T("xlsx.month"), r.Month.From },
            new object?[] { w.T("xlsx.visitsDone"), t.VisitsDone },
            new object?[] { w.T("xlsx.visitsPlanned"), t.PlannedVisits },
            new object?[] { w.T("xlsx.visitsCancelled"), t.VisitsCancelled },
            new object?[] { w.T("xlsx.signups"), t.SignUps },
            new object?[] { w.T("xlsx.churns"), t.Churns },
            new object?[] { w.T("xlsx.moves"), t.StageMoves },
            new object?[] { w.T("xlsx.won"), t.Won },
            new object?[] { w.T("xlsx.lost"), t.Lost },
            new object?[] { w.T("xlsx.offers"), t.Offers },
            new object?[] { w.T("xlsx.pqrs"), t.Pqrs },
            new object?[] { w.T("xlsx.pqrsOnTime"), t.PqrsOnTime },
        };
        if (r.Truncated) summary.Add([w.T("xlsx.truncated", MonthlyReport.MaxRowsPerSection), null]);

        var sheets = new List<XlsxSheet>
        {
            new(w.T("xlsx.summary"), H("concept", "value"), summary),
            new(w.T("report.indicators"), H("indicator", "percent", "goal", "numerator", "denominator", "band"),
                r.Indicators.Select(i => (IReadOnlyList<object?>)[w.T("indicator." + i.Indicator.Code()), i.Figures.Value, i.Figures.Goal,
                    i.Figures.Numerator, i.Figures.Denominator, i.Band is { } b ? w.T("band." + b) : null])),
        };
        if (r.Members.Count > 0)
        {
            var headers = new List<string> { w.T("xlsx.name") };
            headers.AddRange(Indicators.Indicators.Codes.Values.Select(i => w.T("indicator." + i.Code() + ".short") + " (%)"));
            sheets.Add(new(w.T(r.Scope.Kind == ScopeKind.Company ? "report.members.company" : "report.members.team"), headers,
                r.Members.Select(m => (IReadOnlyList<object?>)[m.Name, .. m.Indicators.Select(i => (object?)i.Figures.Value)])));
        }
        sheets.Add(new(w.T("report.visits"), H("date", "client", "owner", "type", "status", "outcome", "opportunity"),
            r.Visits.Select(v => (IReadOnlyList<object?>)[Local(v.Start), v.Client, v.Owner, v.Type is { } ty ? Label("visittype.", ty.Code()) : null,
                Label("visitstatus.", v.Status.ToString().ToLowerInvariant()), v.Outcome is { } o ? Label("visitoutcome.", o.Code()) : null, v.Opportunity])));
        sheets.Add(new(w.T("report.lifecycle"), H("date", "client", "event", "reason", "owner"),
            r.Lifecycle.Select(e => (IReadOnlyList<object?>)[e.On, e.Client, w.T(e.SignUp ? "report.signup" : "report.churn"), e.Reason, e.Owner])));
        sheets.Add(new(w.T("report.moves"), H("date", "opportunity", "client", "from", "to", "owner"),
            r.StageMoves.Select(m => (IReadOnlyList<object?>)[Local(m.At), m.Opportunity, m.Client, m.From is { } f ? Label("stage.", f.Code()) : null,
                Label("stage.", m.To.Code()), m.Owner])));
        sheets.Add(new(w.T("report.offers"), H("created", "opportunity", "client", "version", "status", "total", "currency", "decided", "owner"),
            r.Offers.Select(o => (IReadOnlyList<object?>)[Local(o.CreatedAt), o.Opportunity, o.Client, o.Number, Label("offerstatus.", o.Status.ToString()),
                o.Total, o.Currency, LocalOrNone(o.DecidedAt), o.Owner])));
        sheets.Add(new(w.T("report.pqrs"), H("filingNumber", "client", "type", "filed", "due", "answered", "onTime", "owner"),
            r.Pqrs.Select(p => (IReadOnlyList<object?>)[p.FilingNumber, p.Client, Label("pqrtype.", p.Type.Code()), Local(p.FiledAt), p.DueDate,
                LocalOrNone(p.AnsweredAt), p.AnsweredAt is null ? null : YesNo(p.AnsweredOnTime), p.Assignee])));
        return XlsxWriter.WriteAsync(output, sheets, ct);
    }

    private static string Slug(string name)
    {
        var folded = TextFolding.Fold(name);
        var slug = new string(folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "informe" : slug[..Math.Min(slug.Length, 40)];
    }
}
