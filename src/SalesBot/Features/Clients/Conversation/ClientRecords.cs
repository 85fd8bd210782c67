using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Bot.MessageExtension;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>Clients in the message extension ("clientes"): name, segment, status and owner; never the NIT or a contact.</summary>
public sealed class ClientRecords(SearchClients search) : RecordSource<SharedClient>
{
    public override string Kind => RecordKinds.Client;

    public override string SearchCommandId => "clientes";

    protected override Task<Result<IReadOnlyList<SharedClient>>> SearchSharedAsync(Actor actor, string query, int skip, int count, CancellationToken ct) =>
        search.ForSharingAsync(actor, query, skip, count, ct);

    protected override Task<Result<SharedClient>> FindSharedAsync(Actor actor, Guid id, CancellationToken ct) => search.ForSharingByIdAsync(actor, id, ct);

    public override RecordButton OpenButton(BotTurn turn, Guid id) =>
        new(turn.T("extension.open"), ClientActions.Search, new JsonObject { ["clientId"] = id.ToString("D") });

    protected override RecordView View(BotTurn turn, SharedClient c)
    {
        var segment = turn.T("segment." + c.Segment.Code());
        var owner = c.OwnerName ?? turn.T("clients.unassigned");
        return new RecordView(c.Id, c.Name, segment + " · " + owner,
        [
            (turn.T("field.segment"), segment),
            (turn.T("field.status"), turn.T("status." + c.Status.Code())),
            (turn.T("clients.owner"), owner),
        ], c.Name);
    }
}
