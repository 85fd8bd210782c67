using SalesBot.Features.Shared;
using System.Globalization;
using SalesBot.Bot.Localization;
using SalesBot.Features.Indicators.Conversation;
using ScottPlot;

namespace SalesBot.Features.Indicators.Api;

/// <summary>
/// An indicator's trend as a bar chart: the six previous periods and this one (in the band's
/// colour), with the goal as a line. The card's text trend says the same for who cannot see it.
/// </summary>
public static class IndicatorChart
{
    public const int Width = 640, Height = 300;

    public static byte[] Png(IndicatorResult r, Wording w)
    {
        var points = r.Trend.Append(new TrendPoint(r.Period, r.Figures.Value)).ToList();
        var plot = new Plot();
        var bars = points.Select((p, i) => new Bar
        {
            Position = i,
            Value = (double)(p.Value ?? 0),
            FillColor = i == points.Count - 1 ? BandColor(r.Band) : Color.FromHex("#8A8886"),
            Label = p.Value is { } v ? w.Format.Percent(v) : "–",
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.SetTicks(points.Select((_, i) => (double)i).ToArray(), points.Select(p => Short(w, p.Period)).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        // Budget execution is already a % of its goal: its goal line is 100 %.
        var budget = r.Indicator is Indicator.BudgetExecutionRegulated or Indicator.BudgetExecutionNonRegulated;
        if (r.Figures.Goal is { } goal) AddGoal(plot, budget ? 100 : (double)goal, w);
        plot.Title(w.T("indicator." + r.Indicator.Code()) + " · " + IndicatorText.Scope(w, r.Scope), size: 15);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void AddGoal(Plot plot, double goal, Wording w)
    {
        var line = plot.Add.HorizontalLine(goal);
        line.LineColor = Color.FromHex("#0078D4");
        line.LinePattern = LinePattern.Dashed;
        line.Text = w.T("indicators.chartGoal");
        line.LabelOppositeAxis = true;
    }

    private static Color BandColor(Band? band) => band switch
    {
        Band.Met or Band.Approved => Color.FromHex("#107C10"),
        Band.AtRisk or Band.Observed => Color.FromHex("#C19C00"),
        Band.NotMet or Band.Rejected => Color.FromHex("#D13438"),
        _ => Color.FromHex("#0078D4"),
    };

    /// <summary>A period in a few characters, to fit under its bar: "nov 26", "T4 26", "S48", "2026".</summary>
    private static string Short(Wording w, IndicatorPeriod p)
    {
        var culture = w.Format.Culture;
        return p.Kind switch
        {
            PeriodKind.Month => p.From.ToString("MMM yy", culture).Replace(".", "", StringComparison.Ordinal),
            PeriodKind.Quarter => w.T("indicators.quarter", (p.From.Month + 2) / 3, p.From.ToString("yy", CultureInfo.InvariantCulture)),
            PeriodKind.Year => p.From.Year.ToString(CultureInfo.InvariantCulture),
            PeriodKind.Week => "W" + ISOWeek.GetWeekOfYear(p.From.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture),
            _ => p.From.ToString("d MMM", culture),
        };
    }
}
