using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Bot.MessageExtension;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>"Nueva oferta" on a shared deal card: the offer form for that deal, in the clicker's 1:1 chat, if they may make one.</summary>
public sealed class OfferRecordButtons : IRecordButtons
{
    public IEnumerable<RecordButton> For(BotTurn turn, string kind, RecordView view)
    {
        if (kind == RecordKinds.Deal)
            yield return new RecordButton(turn.T("action.offers.new"), OfferActions.New, new JsonObject { ["opportunityId"] = view.Id.ToString("D") });
    }
}
