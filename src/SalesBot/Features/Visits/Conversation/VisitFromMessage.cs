using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Bot.MessageExtension;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// "Registrar visita" on any message: the visit log form in a dialog, the message's text as its
/// notes (the executive picks the client and fills the rest), saved by the form's own command with
/// the same checks as in the 1:1 chat.
/// </summary>
public sealed class VisitFromMessage(VisitForms forms, LogVisitCommand log) : IMessageAction
{
    public string CommandId => "registrarVisita";

    public string TitleKey => "visits.logTitle";

    public int MaxMessageText => VisitInput.MaxText;

    public Task OpenAsync(BotTurn turn, string messageText, CancellationToken ct) =>
        forms.LogAsync(turn, null, null, new VisitFormValues(null, null, null, null, null, null, null, Notes: messageText), null, null, ct);

    public Task SubmitAsync(BotTurn turn, JsonObject data, CancellationToken ct) =>
        // Only the log form's own fields count: whatever "command" the data names, this saves a visit.
        log.HandleAsync(turn, new CommandInput(null, data), ct);
}

/// <summary>"Registrar visita" on a shared client or deal card: the log form for that client (and deal), in the clicker's 1:1 chat.</summary>
public sealed class VisitRecordButtons : IRecordButtons
{
    public IEnumerable<RecordButton> For(BotTurn turn, string kind, RecordView view)
    {
        if (view.ClientName is null || kind is not (RecordKinds.Client or RecordKinds.Deal)) yield break;
        var data = new JsonObject { ["client"] = view.ClientName };
        if (kind == RecordKinds.Deal) data["opportunity"] = view.Title;
        yield return new RecordButton(turn.T("action.visits.log"), VisitActions.LogNew, data);
    }
}
