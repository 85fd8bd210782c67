using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Schema;
using SalesBot.Features.Assistant.Conversation;

namespace SalesBot.Bot;

/// <summary>
/// A team channel or group chat is read by everyone in it, guests included. There SalesBot answers
/// in place only what is the same for anyone (help, menu, welcome, language); any other command's
/// answer goes to the asker's 1:1 chat with the bot, and the shared conversation gets one line
/// saying so. The README's privacy table lists what may appear where.
/// </summary>
public sealed class SharedConversations(SalesBotDbContext db, OutboxWriter outbox)
{
    private static readonly HashSet<string> AnsweredInPlace = new(StringComparer.OrdinalIgnoreCase) { AssistantActions.Help, AssistantActions.Menu, AssistantActions.Welcome, AssistantActions.Language };

    public static bool IsShared(Activity activity) => activity.Conversation?.ConversationType is "channel" or "groupChat" || IsElsewhere(activity);

    /// <summary>
    /// A turn from a conversation the bot may not be in: a message extension works in any chat,
    /// and the cards it inserts are clicked there; a chat between people never has the bot in it
    /// (Teams gives those "19:" ids, "...@unq.gbl.spaces" or "19:uni01_...@thread.v2", even when it
    /// calls them personal; the bot's own 1:1 chats are "a:..."). Nothing is posted to such a
    /// conversation and it is not remembered as one the bot can write to: answers go to the 1:1 chat.
    /// </summary>
    public static bool IsElsewhere(Activity activity) =>
        (activity.IsType(ActivityTypes.Invoke) && InvokeNames.IsComposeExtension(activity.Name))
        || (activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.Id?.StartsWith("19:", StringComparison.Ordinal) == true);

    /// <summary>Whether this command's answer must leave the shared conversation the turn came from.</summary>
    public static bool AnswersPrivately(Activity activity, string command) => IsShared(activity) && !AnsweredInPlace.Contains(command);

    /// <summary>
    /// Queues the replies for the sender's personal chat: the one they have, else one created
    /// through this conversation's roster (the outbox's CreatePersonalChat). False when neither is
    /// possible (no Entra id to find them by): the replies are then not sent at all.
    /// </summary>
    /// <param name="rosterUnreadable">the turn came from a conversation the bot is not known to be in: a new 1:1 chat is made from the sender's own id.</param>
    public async Task<bool> SendPrivatelyAsync(Activity inbound, IReadOnlyList<Activity> replies, Func<Activity, string?> trackingKeyOf, string? correlationId,
        CancellationToken ct, bool rosterUnreadable = false)
    {
        if (inbound.From?.AadObjectId is not { Length: > 0 } aad) return false;
        var personal = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.UserAadObjectId == aad && r.ConversationType == "personal")
            .OrderByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(ct);
        foreach (var reply in replies) outbox.EnqueuePrivately(inbound, reply, personal, correlationId, trackingKeyOf(reply), rosterUnreadable || IsElsewhere(inbound));
        return true;
    }
}
