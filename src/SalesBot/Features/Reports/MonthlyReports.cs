using SalesBot.Features.Shared;
using SalesBot.Features.Indicators;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Reports;

/// <summary>Delivers a monthly report to the person it is for (their personal chat, through the outbox).</summary>
public interface IMonthlyReportNotifications
{
    /// <summary>Queues the report's card in the current unit of work; false when the person has no chat with the bot yet.</summary>
    Task<bool> SendAsync(Person recipient, MonthlyReport report, CancellationToken ct);
}

/// <summary>
/// On the first business day of the month: each executive gets their previous month, each team
/// lead their team's (a row per executive), each commercial director the division's (a row per
/// team), as seed 001 has the reports go up from executive to team lead to the division.
/// </summary>
public sealed class MonthlyReportRun(SalesBotDbContext db, BuildMonthlyReport build, IMonthlyReportNotifications notify, ILogger<MonthlyReportRun> logger)
    : IDailyJobRun
{
    public async Task RunAsync(DateOnly day, CancellationToken ct)
    {
        var month = IndicatorPeriod.Month(day.Year, day.Month).Previous();
        var people = await db.People.AsNoTracking().Include(p => p.Team)
            .Where(p => (p.Roles & (Role.Executive | Role.TeamLead | Role.CommercialDirector)) != 0).ToListAsync(ct);
        // One team's or the division's report is built once, whoever many read it.
        var built = new Dictionary<string, MonthlyReport>();
        var (sent, unreachable) = (0, 0);
        foreach (var person in people.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            foreach (var scope in ScopesOf(person))
            {
                if (!built.TryGetValue(scope.Key, out var report)) built[scope.Key] = report = await build.SummaryAsync(scope, month, ct);
                if (await notify.SendAsync(person, report, ct)) sent++;
                else unreachable++;
            }
        }
        logger.LogInformation("Monthly reports for {Month}: {Sent} queued, {Unreachable} for people with no chat with the bot yet", month.Label, sent, unreachable);
    }

    private static IEnumerable<IndicatorScope> ScopesOf(Person person)
    {
        if ((person.Roles & Role.Executive) != 0) yield return new IndicatorScope(ScopeKind.Person, person.Id, person.Name);
        if ((person.Roles & Role.TeamLead) != 0 && person.Team is { } team) yield return new IndicatorScope(ScopeKind.Team, team.Id, team.Name);
        if ((person.Roles & Role.CommercialDirector) != 0) yield return IndicatorScope.Company("");
    }
}

/// <summary>
/// When the monthly reports go out: from Reports:MonthlyAt on the month's first business day. The
/// run is keyed by the month, so it happens once across instances, and an instance that was down
/// that day sends them on the first day it is up.
/// </summary>
public sealed class MonthlyReportSchedule(IOptions<ReportOptions> options, BusinessCalendar calendar) : IDailyJob
{
    public string Name => "monthly-report";
    public TimeOnly At => options.Value.MonthlyAt;
    public bool RunsOn(DateOnly day) => options.Value.SendMonthly && day >= FirstBusinessDay(day.Year, day.Month);
    public string PeriodOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly FirstBusinessDay(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (!calendar.IsBusinessDay(day)) day = day.AddDays(1);
        return day;
    }
}
