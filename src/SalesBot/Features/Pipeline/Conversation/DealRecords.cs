using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Bot.MessageExtension;

namespace SalesBot.Features.Pipeline.Conversation;

/// <summary>Deals in the message extension ("oportunidades"): title, client, owner, stage, value and expected close, as the privacy table allows in any conversation.</summary>
public sealed class DealRecords(FindOpportunities find) : RecordSource<SharedDeal>
{
    public override string Kind => RecordKinds.Deal;

    public override string SearchCommandId => "oportunidades";

    protected override Task<Result<IReadOnlyList<SharedDeal>>> SearchSharedAsync(Actor actor, string query, int skip, int count, CancellationToken ct) =>
        find.ForSharingAsync(actor, query, skip, count, ct);

    protected override Task<Result<SharedDeal>> FindSharedAsync(Actor actor, Guid id, CancellationToken ct) => find.ForSharingByIdAsync(actor, id, ct);

    public override RecordButton OpenButton(BotTurn turn, Guid id) =>
        new(turn.T("extension.open"), OpportunityActions.History, new JsonObject { ["opportunityId"] = id.ToString("D") });

    protected override RecordView View(BotTurn turn, SharedDeal d)
    {
        var stage = turn.T("stage." + d.Stage.Code());
        var value = turn.Format.Money(d.Value, d.Currency);
        var facts = new List<(string, string)>
        {
            (turn.T("field.client"), d.ClientName),
            (turn.T("field.owner"), d.OwnerName ?? "—"),
            (turn.T("field.stage"), stage),
            (turn.T("extension.value"), value),
        };
        if (d.ExpectedClose is { } close) facts.Add((turn.T("extension.expectedClose"), turn.Format.ShortDate(close)));
        return new RecordView(d.Id, d.Title, d.ClientName + " · " + stage + " · " + value, facts, d.ClientName);
    }
}
