using SalesBot.Bot.Localization;
using ScottPlot;

namespace SalesBot.Features.Digests.Api;

/// <summary>
/// A team's open pipeline as grouped bars, stage by stage: the total value beside its weighted
/// value, each labelled in the organisation's currency. The digest's text rows say the same for
/// who cannot see the image.
/// </summary>
public static class DigestChart
{
    public const int Width = 640, Height = 300;

    public static byte[] Png(DigestChartRequest chart, Wording w)
    {
        var plot = new Plot();
        var total = Color.FromHex("#8A8886");
        var weighted = Color.FromHex("#0078D4");
        var bars = new List<Bar>();
        for (var i = 0; i < chart.Stages.Count; i++)
        {
            var s = chart.Stages[i];
            bars.Add(new Bar { Position = i * 3, Value = (double)s.Total, FillColor = total, Label = w.Format.Money(s.Total, chart.Currency) });
            bars.Add(new Bar { Position = i * 3 + 1, Value = (double)s.Weighted, FillColor = weighted, Label = w.Format.Money(s.Weighted, chart.Currency) });
        }
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 10;
        plot.Axes.Bottom.SetTicks(chart.Stages.Select((_, i) => i * 3 + 0.5).ToArray(),
            chart.Stages.Select(s => w.T("stage." + Pipeline.Stages.Code(s.Stage)) + " (" + w.Format.Number(s.Count) + ")").ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        // The values are on the bars: the left axis's raw numbers would only add noise.
        plot.Axes.Left.TickLabelStyle.IsVisible = false;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = w.T("digest.chartTotal"), FillColor = total });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = w.T("digest.chartWeighted"), FillColor = weighted });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.Title(w.T("digest.chartTitle", chart.Team), size: 15);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
