using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// Handles Action.Execute (adaptiveCard/action) invokes for the verbs a feature owns, answering
/// with the card that replaces the clicked one for the clicking user.
/// </summary>
public interface ICardActionHandler
{
    bool Handles(string verb);

    Task<InvokeResponse> HandleAsync(BotTurn turn, AdaptiveCardInvokeAction action, CancellationToken ct);
}
