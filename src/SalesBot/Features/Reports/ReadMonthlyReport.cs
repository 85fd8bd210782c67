using SalesBot.Features.Shared;
using SalesBot.Features.Indicators;

namespace SalesBot.Features.Reports;

/// <summary>
/// "informe mensual [mes] [persona|equipo|empresa]": a month's report for whoever may read the
/// scope's indicators (an executive their own, a team lead their team's and its members', the
/// directors anyone's and the division's). Without a month, the previous one: the month the
/// scheduled report is about.
/// </summary>
public sealed class ReadMonthlyReport(ReadIndicators indicators, BuildMonthlyReport build)
{
    public async Task<Result<MonthlyReport>> ExecuteAsync(Actor actor, ScopeRequest request, IndicatorPeriod month, CancellationToken ct)
    {
        if (month.Kind != PeriodKind.Month) return DomainError.Invalid("month", "report-month");
        var scope = await indicators.ScopeOfAsync(actor, request, ct);
        if (!scope.Ok) return scope.Error!;
        return await build.SummaryAsync(scope.Value!, month, ct);
    }
}
