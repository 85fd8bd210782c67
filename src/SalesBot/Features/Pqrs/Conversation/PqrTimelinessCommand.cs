using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>
/// "indicador pqr [periodo]": PQR timeliness (answered on time / due) for the period asked (this
/// month by default), per person and team as far as the user may see.
/// </summary>
public sealed class PqrTimelinessCommand(PqrTimeliness timeliness, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    /// <summary>The figure a team is expected to reach; below it the summary shows as a warning.</summary>
    private const decimal Target = 100m;

    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var today = calendar.LocalDate(clock.GetUtcNow());
        var period = ReportingPeriod.Parse(input.Field("period") ?? input.Text, today);
        if (period is null)
        {
            turn.ReplyText(turn.T("pqrs.timelinessHowTo"));
            return;
        }
        var result = await timeliness.ExecuteAsync(turn.Actor, period, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var report = result.Value!;
        var culture = turn.Format.Culture;
        var total = report.Total;
        var rows = report.People.Select(p => Row(turn, string.IsNullOrEmpty(p.Name) ? turn.T("clients.unassigned") : p.Name, p, p.Team, bold: false))
            // A team line is worth showing only when it adds up more than one person.
            .Concat(report.Teams.Where(t => report.People.Count(p => p.Team == t.Team) > 1)
                .Select(t => Row(turn, turn.T("pqrs.timelinessTeam", t.Name), t, null, bold: true)))
            .ToList();
        turn.ReplyCard("indicator", new
        {
            title = turn.T("pqrs.timelinessTitle", report.Period.Describe(culture)),
            summary = total.Due == 0
                ? turn.T("pqrs.timelinessNone")
                : turn.T("pqrs.timelinessSummary", total.OnTime, total.Due, turn.Format.Percent(total.Rate!.Value)),
            summaryColor = total.Due == 0 ? "Default" : total.Rate >= Target ? "Good" : "Warning",
            rows,
            note = turn.T("pqrs.timelinessNote"),
        });
    }

    private static object Row(BotTurn turn, string name, TimelinessFigures f, string? team, bool bold)
    {
        var detail = turn.T("pqrs.timelinessDetail", f.Late, f.Overdue, f.Pending);
        return new
        {
            name,
            detail = team is null ? detail : team + " · " + detail,
            figure = f.Rate is { } rate ? $"{f.OnTime}/{f.Due} · {turn.Format.Percent(rate)}" : "-",
            weight = bold ? "Bolder" : "Default",
        };
    }

}
