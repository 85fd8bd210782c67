using SalesBot.Features.Shared;
using SalesBot.Bot.Localization;
using SalesBot.Features.Indicators;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Reports.Api;

/// <summary>
/// GET /reports/monthly/{yyyy-MM}.xlsx: the report's workbook for whoever holds a valid signed link
/// (see <see cref="MonthlyReportLinks"/>), built from the data as it is when downloaded.
/// </summary>
public static class MonthlyReportDownload
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapMonthlyReportDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet(MonthlyReportLinks.PathPrefix + "{file}", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string file, string? scope, string? lang, long? exp, string? sig, MonthlyReportLinks links,
        IndicatorPeople people, BuildMonthlyReport build, Localizer localizer, BusinessCalendar calendar, CancellationToken ct)
    {
        if (!file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || IndicatorPeriod.Parse(file[..^5]) is not { Kind: PeriodKind.Month } month)
            return Results.NotFound();
        // The same answer for a forged, expired or foreign link: nothing tells a guesser which part was wrong.
        if (!links.IsValid(month, scope, lang, exp, sig) || !Localizer.Languages.Contains(lang))
            return Results.Problem(statusCode: 403, title: "This report link is not valid or has expired",
                detail: "Ask SalesBot for 'informe mensual' to get a new one.");
        var named = await people.ScopeOfKeyAsync(scope, ct);
        if (named is null) return Results.NotFound();
        var report = await build.BuildAsync(named, month, ct);
        var buffer = new MemoryStream();
        await MonthlyReportWorkbook.WriteAsync(buffer, report, new Wording(localizer, localizer.ReaderOf(lang!, null)), calendar.TimeZone, ct);
        return Results.File(buffer.ToArray(), ContentType, MonthlyReportWorkbook.FileName(report));
    }
}
