using SalesBot.Features.Shared;
using SalesBot.Features.Indicators;

namespace SalesBot.Features.Reports;

/// <summary>
/// The signed download link of a report's XLSX: it names the scope, the month and the reader's
/// language, and works for Reports:LinkLifetime. Whoever holds it may download that report: it is
/// given only in the personal chat of someone allowed to read it.
/// </summary>
public sealed class MonthlyReportLinks(SignedLinks links, IOptions<ReportOptions> options)
{
    public const string PathPrefix = "/reports/monthly/";

    public bool Enabled => links.Enabled;

    public string? UrlFor(IndicatorScope scope, IndicatorPeriod month, string language) =>
        links.UrlFor(PathOf(month), [("scope", scope.Key), ("lang", language)], options.Value.LinkLifetime);

    public bool IsValid(IndicatorPeriod month, string? scope, string? language, long? expires, string? signature) =>
        links.IsValid(PathOf(month), [("scope", scope), ("lang", language)], expires, signature);

    private static string PathOf(IndicatorPeriod month) => PathPrefix + month.Label + ".xlsx";
}
