using SalesBot.Features.Shared;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Indicators.Conversation;

/// <summary>How an indicator reads in a card: its figure, goal, band and trend in the reader's words.</summary>
public static class IndicatorText
{
    public static string Figure(Wording turn, decimal? value) => value is { } v ? turn.Format.Percent(v) : "–";

    /// <summary>The period as people say it: "noviembre de 2026", "T4 2026", "2026", a week's or a range's dates.</summary>
    public static string Period(Wording turn, IndicatorPeriod period) => period.Kind switch
    {
        PeriodKind.Quarter => turn.T("indicators.quarter", (period.From.Month + 2) / 3, period.From.Year),
        PeriodKind.Month => new ReportingPeriod(period.From, period.To, "month").Describe(turn.Format.Culture),
        PeriodKind.Year => period.From.Year.ToString(turn.Format.Culture),
        _ => turn.Format.Range(period.From, period.To),
    };

    public static string Scope(Wording turn, IndicatorScope scope) => scope.Kind switch
    {
        ScopeKind.Company => turn.T("indicators.company"),
        ScopeKind.Team => turn.T("indicators.team", scope.Name),
        _ => scope.Name,
    };

    /// <summary>What the figure is made of and how it stands: "Meta 40 % · cumplida · 1 de 2".</summary>
    public static string Detail(Wording turn, IndicatorResult r)
    {
        var f = r.Figures;
        var parts = new List<string>();
        if (r.Band is { } band) parts.Add(turn.T("band." + band));
        parts.Add(r.Indicator switch
        {
            Indicator.BudgetExecutionNonRegulated => turn.T("indicators.achievedOf", Millions(turn, f.Numerator), Millions(turn, f.Goal)),
            Indicator.BudgetExecutionRegulated => turn.T("indicators.achievedOf", turn.Format.Number(f.Numerator ?? 0), f.Goal is { } g ? turn.Format.Number(g) : "–"),
            Indicator.BillingGrowth => turn.T("indicators.billedAgainst", Millions(turn, f.Numerator), Millions(turn, f.Denominator)),
            _ => turn.T("indicators.ofGoal", turn.Format.Number(f.Numerator ?? 0), f.Denominator is { } d ? turn.Format.Number(d) : "–",
                f.Goal is { } goal ? turn.Format.Percent(goal) : turn.T("indicators.noGoal")),
        });
        parts.Add(turn.T("indicators.trend", Trend(turn, r)));
        return string.Join(" · ", parts);
    }

    /// <summary>The six previous values with an arrow each (up, down, level), readable at a glance without the chart.</summary>
    public static string Trend(Wording turn, IndicatorResult r)
    {
        decimal? before = null;
        var points = new List<string>();
        foreach (var (_, value) in r.Trend)
        {
            var arrow = value is { } v && before is { } b ? (v > b ? " ↑" : v < b ? " ↓" : " →") : "";
            points.Add(Figure(turn, value) + arrow);
            before = value ?? before;
        }
        return string.Join(", ", points);
    }

    /// <summary>A goal as its indicator counts: money in millions, a count, or a rate in %.</summary>
    public static string Goal(Wording turn, Indicator indicator, decimal? goal) => goal is not { } g ? "–" : indicator.GoalKindOf() switch
    {
        GoalKind.Money => Millions(turn, g),
        GoalKind.Count => turn.Format.Number(g),
        _ => turn.Format.Percent(g),
    };

    /// <summary>Amounts in millions of the organisation's currency, as the budget is discussed.</summary>
    private static string Millions(Wording turn, decimal? amount) =>
        amount is { } a ? turn.T("indicators.millions", turn.Format.Number(Math.Round(a / 1_000_000m, 1))) : "–";

    public static string SummaryColor(IEnumerable<IndicatorResult> results)
    {
        var bands = results.Select(r => r.Band).ToList();
        return bands.Any(b => b is Band.NotMet or Band.Rejected) ? "Attention" : bands.Any(b => b is Band.AtRisk or Band.Observed) ? "Warning"
            : bands.Any(b => b is not null) ? "Good" : "Default";
    }
}

/// <summary>"indicadores [equipo|empresa|persona] [periodo]": every indicator the user may see, in one card.</summary>
public sealed class IndicatorsCommand(ReadIndicators read, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var (scope, periodText) = IndicatorRequestText.ScopeAndPeriod(input.Text ?? "");
        var period = IndicatorRequestText.Period(periodText, calendar.LocalDate(clock.GetUtcNow()), null);
        if (period is null)
        {
            turn.ReplyText(turn.T("indicators.howTo"));
            return;
        }
        var result = await read.ExecuteAsync(turn.Actor, Indicators.Codes.Values, scope, period, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var results = result.Value!;
        turn.ReplyCard("indicator", new
        {
            title = turn.T("indicators.title", IndicatorText.Scope(turn.Words, results[0].Scope), IndicatorText.Period(turn.Words, period)),
            summary = turn.T("indicators.summary", results.Count(r => r.Band is Band.Met or Band.Approved), results.Count(r => r.Band is not null)),
            summaryColor = IndicatorText.SummaryColor(results),
            rows = results.Select(r => new
            {
                name = turn.T("indicator." + r.Indicator.Code()),
                detail = IndicatorText.Detail(turn.Words, r),
                figure = IndicatorText.Figure(turn.Words, r.Figures.Value),
                weight = "Default",
            }),
            note = turn.T("indicators.note"),
        });
    }
}

/// <summary>"indicador conversión [equipo|empresa|persona] [periodo]": one indicator with its trend, period by period.</summary>
public sealed class IndicatorCommand(ReadIndicators read, IndicatorChartLinks charts, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (IndicatorRequestText.IndicatorAtStart(input.Text ?? "", out var rest) is not { } indicator)
        {
            turn.ReplyText(turn.T("indicators.whichOne", string.Join(", ", Indicators.Codes.Values.Select(i => turn.T("indicator." + i.Code())))));
            return;
        }
        var (scope, periodText) = IndicatorRequestText.ScopeAndPeriod(rest);
        var period = IndicatorRequestText.Period(periodText, calendar.LocalDate(clock.GetUtcNow()), indicator);
        if (period is null)
        {
            turn.ReplyText(turn.T("indicators.howTo"));
            return;
        }
        var result = await read.ExecuteAsync(turn.Actor, [indicator], scope, period, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var r = result.Value![0];
        turn.ReplyCard("indicator", new
        {
            title = turn.T("indicators.oneTitle", turn.T("indicator." + indicator.Code()), IndicatorText.Scope(turn.Words, r.Scope), IndicatorText.Period(turn.Words, period)),
            summary = IndicatorText.Figure(turn.Words, r.Figures.Value) + " · " + IndicatorText.Detail(turn.Words, r),
            summaryColor = IndicatorText.SummaryColor([r]),
            rows = r.Trend.Select(t => new { name = IndicatorText.Period(turn.Words, t.Period), detail = "", figure = IndicatorText.Figure(turn.Words, t.Value), weight = "Default" })
                .Append(new { name = IndicatorText.Period(turn.Words, period), detail = "", figure = IndicatorText.Figure(turn.Words, r.Figures.Value), weight = "Bolder" }),
            note = turn.T("indicator." + indicator.Code() + ".definition"),
            // The chart when public links are on; the rows above say the same in text.
            chartUrl = charts.UrlFor(r, turn.Language),
            chartAlt = turn.T("indicators.chartAlt", turn.T("indicator." + indicator.Code()), IndicatorText.Trend(turn.Words, r)),
        });
    }
}
