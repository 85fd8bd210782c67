using System.Globalization;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// "mis visitas [hoy | esta semana | noviembre | ...]" and "visitas del equipo [...]": the visits of
/// the span (this week by default), with buttons to log or cancel the scheduled ones, and the
/// month's compliance for my own.
/// </summary>
public sealed class VisitListReply(ListVisits list, VisitCompliance compliance, VisitForms forms, VisitIcsLinks ics,
    BusinessCalendar calendar, TimeProvider clock)
{
    public async Task ReplyAsync(BotTurn turn, CommandInput input, bool team, CancellationToken ct)
    {
        var today = calendar.LocalDate(clock.GetUtcNow());
        var text = input.Field("period") ?? input.Text;
        // No days said: this week; the visits of a client named with no days, the coming two weeks.
        var period = !string.IsNullOrWhiteSpace(text) ? ReportingPeriod.Parse(text, today, upcoming: true)
            : input.Field("client") is { Length: > 0 } ? new ReportingPeriod(today, today.AddDays(13), "range")
            : ReportingPeriod.Week(today);
        if (period is null)
        {
            turn.ReplyText(turn.T("visits.periodHowTo"));
            return;
        }
        var result = await list.ExecuteAsync(turn.Actor, period.From, period.To, team, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var culture = turn.Format.Culture;
        var now = clock.GetUtcNow();
        var visits = result.Value!;
        // A sentence that names the client ("cancela la de mañana con Herdez") narrows the list to it, when any is its.
        if (input.Field("client") is { Length: > 0 } client)
        {
            var wanted = Shared.TextFolding.Fold(client);
            var its = visits.Where(v => Shared.TextFolding.Fold(v.ClientName).Contains(wanted, StringComparison.Ordinal)).ToList();
            if (its.Count > 0) visits = its;
        }
        string? complianceLine = null;
        if (!team && (await compliance.ForMonthAsync(turn.Actor, today.Year, today.Month, team: false, ct)).Value is [var mine])
            complianceLine = mine.Planned is { } planned
                ? turn.T("visits.complianceLine", mine.Done, planned, turn.Format.Percent(mine.Rate!.Value))
                : turn.T("visits.noPlan", mine.Done);
        turn.ReplyCard("visit-list", new
        {
            title = turn.T(team ? "visits.teamTitle" : "visits.mineTitle", period.Describe(culture)),
            summary = visits.Count switch
            {
                0 => turn.T("visits.none"),
                ListVisits.Limit => turn.T("visits.many", visits.Count),
                var n => turn.T("visits.count", n),
            },
            visits = visits.Select(v => new
            {
                heading = forms.Span(v.Start, v.End, turn.Format) + " · " + v.ClientName,
                detail = string.Join(" · ", new[]
                {
                    team ? v.OwnerName : null,
                    turn.T("visitstatus." + v.Status.ToString().ToLowerInvariant()),
                    v.Type is { } t ? turn.T("visittype." + t.Code()) : null,
                    v.Outcome is { } o ? turn.T("visitoutcome." + o.Code()) : null,
                    v.Location,
                    v.CalendarState switch
                    {
                        CalendarState.Pending => turn.T("visits.calendarPending"),
                        CalendarState.Failed => turn.T("visits.calendarFailed"),
                        _ => null,
                    },
                }.Where(x => !string.IsNullOrEmpty(x))),
                actions = Actions(turn, v, now),
                icsUrl = v.Status == VisitStatus.Scheduled ? ics.UrlFor(v.Id, v.OwnerId) : null,
                icsTitle = turn.T("visits.ics"),
            }),
            compliance = complianceLine,
            footer = new[]
            {
                new { title = turn.T("action.visits.new"), command = VisitActions.New },
                new { title = turn.T("action.visits.log"), command = VisitActions.LogNew },
            },
        });
    }

    private static object[] Actions(BotTurn turn, VisitSummary v, DateTimeOffset now)
    {
        if (v.Status != VisitStatus.Scheduled) return [];
        var actions = new List<object>();
        // The forms open with Action.Submit; cancelling writes, so it is an Action.Execute (with its Submit fallback).
        if (v.Start <= now.AddMinutes(15)) actions.Add(new { title = turn.T("visits.logResult"), command = VisitActions.LogForm, visitId = v.Id.ToString(), writes = false });
        else actions.Add(new { title = turn.T("visits.reschedule"), command = VisitActions.RescheduleForm, visitId = v.Id.ToString(), writes = false });
        actions.Add(new { title = turn.T("visits.cancel"), command = VisitActions.Cancel, visitId = v.Id.ToString(), writes = true });
        return [.. actions];
    }
}

public sealed class MyVisitsCommand(VisitListReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, input, team: false, ct);
}

public sealed class TeamVisitsCommand(VisitListReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, input, team: true, ct);
}
