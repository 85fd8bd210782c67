using SalesBot.Bot.Localization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;

namespace SalesBot.Features.Digests.Conversation;

/// <summary>
/// The weekly digest as a card, in the subscriber's language and the organisation's currency:
/// one section per question a team lead asks on Monday, each list cut at five rows with "y N
/// más" and a button that sends the whole list to the clicker's 1:1 chat (the command checks,
/// again, that they may see it). The same sections in full make the list sent privately.
/// </summary>
public static class DigestCard
{
    public const string Template = "digest";

    /// <summary>The sections whose rows can be asked for in full.</summary>
    public static readonly string[] Lists = ["moves", "closing", "stale", "pqrs", "approvals"];

    /// <param name="chartUrl">The pipeline chart's signed link, when public links are on (the pipeline's rows say the same in text).</param>
    public static object Data(Wording w, WeeklyDigest d, string? only = null, string? chartUrl = null)
    {
        var f = w.Format;
        var limit = only is null ? WeeklyDigest.RowsShown : int.MaxValue;
        string Money(decimal value) => f.Money(value, d.Currency);
        string N(int n) => f.Number(n);
        var week = DigestWeek.PeriodOf(d.To);

        (string Key, object Data) Section(string key, string heading, string summary, IReadOnlyList<object> rows)
        {
            var more = rows.Count > limit ? w.T("digest.more", N(rows.Count - limit)) : "";
            return (key, new
            {
                key,
                heading,
                summary,
                rows = rows.Take(limit).ToList(),
                more,
                moreTitle = more.Length > 0 ? w.T("digest.fullList") : "",
                moreCommand = DigestActions.List,
                team = d.TeamId.ToString("D"),
                week,
            });
        }

        object Deal(DigestDeal deal, string detail) => new { name = deal.Client + " · " + deal.Title, detail = deal.Owner + " · " + detail, figure = Money(deal.Value) };
        string Stage(Stage s) => w.T("stage." + s.Code());

        var open = d.Pipeline.Sum(s => s.Count);
        var sections = new List<(string Key, object Data)>
        {
            Section("pipeline", w.T("digest.pipeline"),
                w.T("digest.pipelineSummary", N(open), Money(d.Pipeline.Sum(s => s.Total)), Money(d.Pipeline.Sum(s => s.Weighted))),
                d.Pipeline.Select(s => (object)new { name = Stage(s.Stage), detail = w.T("digest.stageDetail", N(s.Count), Money(s.Weighted)), figure = Money(s.Total) }).ToList()),
            Section("forecast", w.T("digest.forecast"), "",
                new[] { (w.T("digest.month"), d.Month), (w.T("digest.quarter"), d.Quarter) }.Select(p => (object)new
                {
                    name = p.Item1,
                    detail = p.Item2.Goal is { } goal
                        ? w.T("digest.forecastDetail", Money(p.Item2.Won), Money(p.Item2.WeightedOpen), Money(goal))
                        : w.T("digest.forecastNoGoal", Money(p.Item2.Won), Money(p.Item2.WeightedOpen)),
                    figure = p.Item2.Percent is { } pct ? Money(p.Item2.Forecast) + " · " + f.Percent(pct) : Money(p.Item2.Forecast),
                }).ToList()),
            Section("moves", w.T("digest.moves"),
                w.T("digest.movesSummary", N(d.Count(DigestMoveKind.New)), N(d.Count(DigestMoveKind.Forward) + d.Count(DigestMoveKind.Won)),
                    N(d.Count(DigestMoveKind.Back)), N(d.Count(DigestMoveKind.Won)), N(d.Count(DigestMoveKind.Lost))),
                d.Moves.Select(m => Deal(m.Deal, m.Kind switch
                {
                    DigestMoveKind.New => w.T("digest.move.new", Stage(m.To)),
                    DigestMoveKind.Lost => m.Reason is { Length: > 0 } reason ? w.T("digest.move.lostBecause", reason) : w.T("digest.move.lost"),
                    _ => w.T("digest.move." + m.Kind.ToString().ToLowerInvariant(), Stage(m.From!.Value), Stage(m.To)),
                })).ToList()),
            Section("closing", w.T("digest.closing"), d.ClosingSoon.Count == 0 ? w.T("digest.none") : "",
                d.ClosingSoon.Select(x => Deal(x, w.T("digest.closesOn", Stage(x.Stage), f.ShortDate(x.ExpectedClose!.Value)))).ToList()),
            Section("stale", w.T("digest.stale"), d.Stale.Count == 0 ? w.T("digest.none") : "",
                d.Stale.Select(x => Deal(x, w.T("digest.lastActivity", Stage(x.Stage), f.ShortDate(x.LastActivityAt)))).ToList()),
            Section("visits", w.T("digest.visits"), w.T("digest.visitsSummary", N(d.Visits.Done), N(d.Visits.Planned), N(d.Visits.PlannedToDate)), []),
            Section("pqrs", w.T("digest.pqrs"), d.Pqrs.Count == 0 ? w.T("digest.none") : w.T("digest.pqrsSummary", N(d.Pqrs.Count(p => p.Overdue)), N(d.Pqrs.Count(p => !p.Overdue))),
                d.Pqrs.Select(p => (object)new
                {
                    name = p.Radicado,
                    detail = w.T("pqrtype." + p.Type.Code()),
                    figure = w.T(p.Overdue ? "digest.overdueSince" : "digest.dueOn", f.ShortDate(p.Due)),
                }).ToList()),
            Section("approvals", w.T("digest.approvals"), d.Approvals.Count == 0 ? w.T("digest.none") : "",
                d.Approvals.Select(a => (object)new
                {
                    name = w.T("digest.offer", N(a.OfferNumber), a.Client),
                    detail = w.T("digest.waitingOn", a.Approver, f.ShortDate(a.AskedAt)),
                    figure = f.Money(a.Total, a.Currency),
                }).ToList()),
        };

        return new
        {
            title = w.T("digest.title", d.TeamName),
            subtitle = w.T("digest.subtitle", f.ShortDate(d.From), f.ShortDate(d.To), d.Currency),
            sections = sections.Where(s => only is null || s.Key == only).Select(s => s.Data).ToList(),
            note = "",
            chartUrl = chartUrl ?? "",
            chartAlt = w.T("digest.chartAlt", d.TeamName, N(open), Money(d.Pipeline.Sum(s => s.Total))),
        };
    }
}
