using SalesBot.Features.Shared;
using SalesBot.Features.Indicators;

namespace SalesBot.Tests.Indicators;

/// <summary>Every band at and around its thresholds, with no value and no goal; the periods as the command line writes them.</summary>
public sealed class BandAndPeriodTests
{
    private static readonly IndicatorOptions Options = new();

    [Theory]
    // Budget execution is a % of its goal, banded against 100 %.
    [InlineData(Indicator.BudgetExecutionRegulated, 100.0, 8.0, Band.Met)]
    [InlineData(Indicator.BudgetExecutionRegulated, 99.99, 8.0, Band.AtRisk)]
    [InlineData(Indicator.BudgetExecutionNonRegulated, 90.0, 1000.0, Band.AtRisk)]
    [InlineData(Indicator.BudgetExecutionNonRegulated, 89.99, 1000.0, Band.NotMet)]
    // Rates against their goal: 100 % of it met, 90-100 % at risk, below not met.
    [InlineData(Indicator.Conversion, 40.0, 40.0, Band.Met)]
    [InlineData(Indicator.Conversion, 36.0, 40.0, Band.AtRisk)]
    [InlineData(Indicator.Conversion, 35.99, 40.0, Band.NotMet)]
    [InlineData(Indicator.VisitCompliance, 120.0, 100.0, Band.Met)]
    [InlineData(Indicator.PqrTimeliness, 89.9, 100.0, Band.NotMet)]
    // Churn: lower is better; up to 110 % of the goal at risk.
    [InlineData(Indicator.Churn, 2.0, 2.0, Band.Met)]
    [InlineData(Indicator.Churn, 2.2, 2.0, Band.AtRisk)]
    [InlineData(Indicator.Churn, 2.21, 2.0, Band.NotMet)]
    [InlineData(Indicator.Churn, 0.0, 2.0, Band.Met)]
    // Billing growth: fixed grades, no goal.
    [InlineData(Indicator.BillingGrowth, 10.0, null, Band.Approved)]
    [InlineData(Indicator.BillingGrowth, 9.99, null, Band.Observed)]
    [InlineData(Indicator.BillingGrowth, 0.0, null, Band.Observed)]
    [InlineData(Indicator.BillingGrowth, -0.01, null, Band.Rejected)]
    public void Each_indicator_is_banded_at_its_thresholds(Indicator indicator, double value, double? goal, Band band) =>
        Assert.Equal(band, Options.BandOf(indicator, (decimal)value, (decimal?)goal));

    [Theory]
    [InlineData(Indicator.Conversion, 50.0, null)] // no goal, no band
    [InlineData(Indicator.Conversion, 50.0, 0.0)] // a goal of 0 has no band
    [InlineData(Indicator.Churn, 1.0, 0.0)]
    [InlineData(Indicator.BudgetExecutionRegulated, null, 8.0)] // no value, no band
    public void Without_a_value_or_a_goal_there_is_no_band(Indicator indicator, double? value, double? goal) =>
        Assert.Null(Options.BandOf(indicator, (decimal?)value, (decimal?)goal));

    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-11-30", "2026-10")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "2025-Q4")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2025")]
    [InlineData("2026-W01", "2025-12-29", "2026-01-04", "2025-W52")]
    [InlineData("2026-11-01/2026-11-10", "2026-11-01", "2026-11-10", "2026-10-22/2026-10-31")]
    public void Periods_parse_as_written_and_step_back_by_their_own_length(string text, string from, string to, string previous)
    {
        var period = IndicatorPeriod.Parse(text)!;
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period.From, period.To));
        Assert.Equal(text, period.Label);
        Assert.Equal(previous, period.Previous().Label);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-W54")]
    [InlineData("2026-11-30/2026-11-01")]
    [InlineData("2020-01-01/2026-01-01")]
    [InlineData("noviembre")]
    [InlineData("")]
    public void Anything_else_is_not_a_period(string text) => Assert.Null(IndicatorPeriod.Parse(text));

    /// <summary>A month named alone is the latest one begun: said on its last day, it is that month (the monthly report asks so).</summary>
    [Theory]
    [InlineData("septiembre", "2026-09-30", "2026-09")]
    [InlineData("septiembre", "2026-09-01", "2026-09")]
    [InlineData("octubre", "2026-09-30", "2025-10")]
    [InlineData("agosto", "2026-09-30", "2026-08")]
    public void A_month_named_alone_is_the_latest_begun(string said, string today, string month) =>
        Assert.Equal(IndicatorPeriod.Parse(month), Features.Indicators.Conversation.IndicatorRequestText.Period(said, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), null));

    [Fact]
    public void Only_whole_months_have_goals()
    {
        Assert.Equal(3, IndicatorPeriod.Parse("2026-Q4")!.Months!.Count);
        Assert.Null(IndicatorPeriod.Parse("2026-W48")!.Months);
        Assert.Null(IndicatorPeriod.Parse("2026-11-01/2026-11-10")!.Months);
        Assert.Equal(2, IndicatorPeriod.Parse("2026-10-01/2026-11-30")!.Months!.Count);
    }
}
