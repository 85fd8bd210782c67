using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// Handles Action.Execute (adaptiveCard/action) invokes for the verbs a feature registered for it
/// (<see cref="ConversationCommands.AddCardAction{T}"/>), answering with the card that replaces the
/// clicked one for the clicking user.
/// </summary>
public interface ICardActionHandler
{
    Task<InvokeResponse> HandleAsync(BotTurn turn, AdaptiveCardInvokeAction action, CancellationToken ct);
}
