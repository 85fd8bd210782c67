namespace SalesBot.Features.Reports;

/// <summary>Reports:* settings.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Local time (the organisation's) of the first business day of the month when the monthly reports go out.</summary>
    public TimeOnly MonthlyAt { get; set; } = new(8, 0);

    /// <summary>Whether the monthly reports are sent at all; `informe mensual` works either way.</summary>
    public bool SendMonthly { get; set; } = true;

    /// <summary>How long a report's download link works: long enough to open last month's card.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(35);
}
