using SalesBot.Bot;
using SalesBot.Bot.Localization;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>A list of PQRs as a card (one block per PQR), and the words for where a PQR stands.</summary>
public static class PqrListCard
{
    public static void Reply(BotTurn turn, string title, string emptyText, IReadOnlyList<PqrSummary> pqrs, Func<PqrSummary, string> status)
    {
        turn.ReplyCard("client-list", new
        {
            title,
            summary = pqrs.Count == 0 ? emptyText : turn.T("pqrs.count", pqrs.Count),
            clients = pqrs.Select(p => new
            {
                name = $"{p.FilingNumber} · {p.ClientName}",
                facts = new[]
                {
                    new { label = turn.T("pqrs.type"), value = turn.T("pqrtype." + p.Type.Code()) },
                    new { label = turn.T("pqrs.dueDate"), value = turn.Format.Date(p.DueDate) },
                    new { label = turn.T("pqrs.status"), value = status(p) },
                },
            }),
            actions = Array.Empty<object>(),
        });
    }

    /// <summary>"Vence en 3 días hábiles", "Vencida hace 2…", "Respondida a tiempo": the key and its value.</summary>
    public static (string Key, object? Value) DueStatus(bool answered, bool? answeredOnTime, int businessDaysLeft) =>
        answered ? (answeredOnTime == true ? "pqrs.answeredOnTime" : "pqrs.answeredLate", null)
        : businessDaysLeft >= 0 ? ("pqrs.daysLeft", businessDaysLeft)
        : ("pqrs.overdue", -businessDaysLeft);
}
