using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Shared;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>"mis pqr": the PQRs assigned to me, open ones first with the days they have left.</summary>
public sealed class MyPqrsCommand(ListPqrs list, BusinessCalendarProvider calendars, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        // "mis pqr esta semana", "mis pqr mañana": the open ones falling due then.
        ReportingPeriod? due = null;
        if (!string.IsNullOrWhiteSpace(input.Text))
        {
            due = ReportingPeriod.Parse(input.Text, calendar.LocalDate(clock.GetUtcNow()), upcoming: true);
            if (due is null)
            {
                turn.ReplyText(turn.T("pqrs.dueWhenHowTo"));
                return;
            }
        }
        var result = await list.MineAsync(turn.Actor, ct, due?.From, due?.To);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var now = clock.GetUtcNow();
        var title = due is null ? turn.T("pqrs.mineTitle") : turn.T("pqrs.mineDueTitle", due.Describe(turn.Format.Culture));
        PqrListCard.Reply(turn, title, turn.T(due is null ? "pqrs.none" : "pqrs.noneDue"), result.Value!, p =>
        {
            var (key, value) = PqrListCard.DueStatus(p.Status is PqrStatus.Answered or PqrStatus.Closed, p.AnsweredOnTime,
                new PqrDeadline(calendars.For(p.Calendar ?? CalendarChoice.Organization)).BusinessDaysLeft(p.DueDate, now));
            return turn.T(key, value);
        });
    }
}

/// <summary>The PQR card's Answer button.</summary>
public sealed class AnswerPqrCommand(AnswerPqr answer) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var number = input.Field("pqr") ?? "";
        var result = await answer.ExecuteAsync(turn.Actor, number, input.Field("response") ?? "", ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var pqr = result.Value!;
        turn.ReplyText(turn.T(pqr.AnsweredOnTime == true ? "pqrs.answeredOnTimeReply" : "pqrs.answeredLateReply", pqr.FilingNumber,
            turn.Format.Date(pqr.DueDate)));
    }
}
