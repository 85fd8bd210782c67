namespace SalesBot.Bot;

/// <summary>
/// Runs in the turn in which someone first installs the bot in their personal scope: features
/// deliver what was waiting for them (an approval, a consultation) now that there is a chat.
/// </summary>
public interface IPersonalChatOpened
{
    Task OpenedAsync(BotTurn turn, CancellationToken ct);
}
