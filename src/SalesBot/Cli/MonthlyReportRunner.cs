using SalesBot.Bot.Localization;
using SalesBot.Features.Reports;
using SalesBot.Features.Reports.Api;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Cli;

/// <summary>`salesbot report monthly ... --out FILE.xlsx`: the workbook the report card links to, for a scope and month.</summary>
public sealed class MonthlyReportRunner(TextWriter stdout, TextWriter stderr, Localizer localizer)
{
    public async Task<int> RunAsync(IServiceProvider sp, MonthlyReportCommand command, CancellationToken ct)
    {
        var (scope, error) = await IndicatorRunner.ScopeAsync(sp, command.Scope, command.Person, command.Team, ct);
        if (scope is null)
        {
            await stderr.WriteLineAsync("error: " + error);
            return CliRunner.BadArguments;
        }
        var report = await sp.GetRequiredService<BuildMonthlyReport>().BuildAsync(scope, command.Month, ct);
        // Written beside the target and moved into place: a failed run leaves no half-written workbook.
        var full = Path.GetFullPath(command.Output);
        var temporary = full + ".partial";
        await using (var file = File.Create(temporary))
            await MonthlyReportWorkbook.WriteAsync(file, report, new Wording(localizer, localizer.ReaderOf(command.Language, null)), sp.GetRequiredService<BusinessCalendar>().TimeZone, ct);
        File.Move(temporary, full, overwrite: true);
        var t = report.Totals;
        await stdout.WriteLineAsync($"wrote {command.Output}: {report.Indicators.Count} indicators, {report.Members.Count} members, {report.Visits.Count} visits "
            + $"({t.VisitsDone} done of {t.PlannedVisits} planned), {t.SignUps} sign-ups, {t.Churns} churned, {t.StageMoves} stage moves, {t.Offers} offers, {t.Pqrs} PQRs"
            + (report.Truncated ? $"; a section passed {MonthlyReport.MaxRowsPerSection} rows and was cut" : ""));
        return CliRunner.Success;
    }
}
