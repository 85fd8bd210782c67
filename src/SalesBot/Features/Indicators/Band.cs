namespace SalesBot.Features.Indicators;

/// <summary>How a figure stands: met, at risk or not met against its goal; billing growth graded Aprobado / Observado / Rechazado.</summary>
public enum Band
{
    Met,
    AtRisk,
    NotMet,
    Approved,
    Observed,
    Rejected,
}

/// <summary>Where the bands start (Indicators:Bands): at or above MetFrom % of the goal met, at or above AtRiskFrom at risk, below not met.</summary>
public sealed class IndicatorOptions
{
    public const string Section = "Indicators";

    public decimal MetFrom { get; set; } = 100m;
    public decimal AtRiskFrom { get; set; } = 90m;

    /// <summary>Churn, where less is better: at or below the goal met, up to this % of it at risk, above not met.</summary>
    public decimal ChurnAtRiskUpTo { get; set; } = 110m;

    public BillingGrowthBands BillingGrowth { get; set; } = new();

    /// <summary>How long a trend chart's link works (the card that shows it keeps it).</summary>
    public TimeSpan ChartLinkLifetime { get; set; } = TimeSpan.FromDays(35);

    public sealed class BillingGrowthBands
    {
        public decimal ApprovedFrom { get; set; } = 10m;
        public decimal RejectedBelow { get; set; } = 0m;
    }

    public string? Problem() =>
        AtRiskFrom > MetFrom || AtRiskFrom < 0 ? "Indicators:AtRiskFrom must be between 0 and Indicators:MetFrom"
        : ChurnAtRiskUpTo < 100 ? "Indicators:ChurnAtRiskUpTo must be at least 100"
        : BillingGrowth.RejectedBelow > BillingGrowth.ApprovedFrom ? "Indicators:BillingGrowth:RejectedBelow must not be above ApprovedFrom"
        : ChartLinkLifetime <= TimeSpan.Zero ? "Indicators:ChartLinkLifetime must be positive"
        : null;

    /// <summary>The band of a value against its goal; null without a value, or without a goal (a goal of 0 has no band).</summary>
    public Band? BandOf(Indicator indicator, decimal? value, decimal? goal)
    {
        if (value is null) return null;
        if (indicator == Indicator.BillingGrowth)
            return value >= BillingGrowth.ApprovedFrom ? Band.Approved : value >= BillingGrowth.RejectedBelow ? Band.Observed : Band.Rejected;
        // Budget execution is already a % of its goal: it is banded against 100 %.
        var (figure, target) = indicator is Indicator.BudgetExecutionRegulated or Indicator.BudgetExecutionNonRegulated ? (value.Value, 100m) : (value.Value, goal);
        if (target is not { } t || t == 0) return null;
        if (indicator.LowerIsBetter())
            return figure <= t ? Band.Met : figure <= t * ChurnAtRiskUpTo / 100m ? Band.AtRisk : Band.NotMet;
        var share = figure / t * 100m;
        return share >= MetFrom ? Band.Met : share >= AtRiskFrom ? Band.AtRisk : Band.NotMet;
    }
}
