using SalesBot.Bot;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>When someone's chat with the bot opens (e.g. SalesBot was installed for them), the approvals waiting for them arrive.</summary>
public sealed class PendingApprovalsOnOpen(ReadOffers offers, ApprovalCard card) : IPersonalChatOpened
{
    public async Task OpenedAsync(BotTurn turn, CancellationToken ct)
    {
        foreach (var step in await offers.PendingForAsync(turn.Actor, ct))
        {
            var rendered = await card.RenderAsync(turn.Language, step.OfferId, turn.Actor.PersonId, null, ct);
            ApprovalNotice.ReplyTracked(turn, rendered, step.OfferId);
        }
    }
}
