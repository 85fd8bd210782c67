using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>"mis pqr": the PQRs assigned to me, open ones first with the days they have left.</summary>
public sealed class MyPqrsCommand(ListPqrs list, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var result = await list.MineAsync(turn.Actor, ct);
        if (!result.Ok)
        {
            turn.ReplyText(turn.Describe(result.Error!));
            return;
        }
        var deadline = new PqrDeadline(calendar);
        var now = clock.GetUtcNow();
        var culture = Localizer.Culture(turn.Language);
        turn.ReplyCard("client-list", new
        {
            title = turn.T("pqrs.mineTitle"),
            summary = result.Value!.Count == 0 ? turn.T("pqrs.none") : turn.T("pqrs.count", result.Value!.Count),
            clients = result.Value!.Select(p => new
            {
                name = $"{p.FilingNumber} · {p.ClientName}",
                facts = new[]
                {
                    new { label = turn.T("pqrs.type"), value = turn.T("pqrtype." + p.Type.Code()) },
                    new { label = turn.T("pqrs.dueDate"), value = p.DueDate.ToString("D", culture) },
                    new
                    {
                        label = turn.T("pqrs.status"),
                        value = p.Status is PqrStatus.Answered or PqrStatus.Closed
                            ? turn.T(p.AnsweredOnTime == true ? "pqrs.answeredOnTime" : "pqrs.answeredLate")
                            : deadline.BusinessDaysLeft(p.DueDate, now) is var left && left >= 0 ? turn.T("pqrs.daysLeft", left) : turn.T("pqrs.overdue", -left),
                    },
                },
            }),
            actions = Array.Empty<object>(),
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
            turn.ReplyText(turn.Describe(result.Error!));
            return;
        }
        var pqr = result.Value!;
        turn.ReplyText(turn.T(pqr.AnsweredOnTime == true ? "pqrs.answeredOnTimeReply" : "pqrs.answeredLateReply", pqr.FilingNumber,
            pqr.DueDate.ToString("D", Localizer.Culture(turn.Language))));
    }
}
