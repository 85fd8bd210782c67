using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Bot.MessageExtension;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>PQRs in the message extension ("pqr"): radicado, type and due date only; never the text or the customer's data.</summary>
public sealed class PqrRecords(ListPqrs list) : RecordSource<SharedPqr>
{
    public override string Kind => RecordKinds.Pqr;

    public override string SearchCommandId => "pqr";

    protected override Task<Result<IReadOnlyList<SharedPqr>>> SearchSharedAsync(Actor actor, string query, int skip, int count, CancellationToken ct) =>
        list.ForSharingAsync(actor, query, skip, count, ct);

    protected override Task<Result<SharedPqr>> FindSharedAsync(Actor actor, Guid id, CancellationToken ct) => list.ForSharingByIdAsync(actor, id, ct);

    public override RecordButton OpenButton(BotTurn turn, Guid id) =>
        new(turn.T("extension.open"), PqrActions.Show, new JsonObject { ["pqrId"] = id.ToString("D") });

    protected override RecordView View(BotTurn turn, SharedPqr p)
    {
        var type = turn.T("pqrtype." + p.Type.Code());
        var due = turn.Format.ShortDate(p.DueDate);
        return new RecordView(p.Id, p.FilingNumber, type + " · " + turn.T("extension.dueOn", due),
        [
            (turn.T("field.type"), type),
            (turn.T("extension.due"), due),
        ]);
    }
}
