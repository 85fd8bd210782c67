using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// Posts to a team channel through the outbox: a new message at the channel's root (not a reply
/// in a thread), addressed with what the bot stored the last time it heard from that channel.
/// The bot can post only where it has been: a channel no turn came from has no service address yet.
/// </summary>
public sealed class TeamChannels(SalesBotDbContext db, OutboxWriter outbox)
{
    /// <summary>The latest reference of any conversation in the channel (its threads share the channel's id), or null when the bot never heard from it.</summary>
    public Task<StoredConversationReference?> ReferenceOfAsync(string channelId, CancellationToken ct) =>
        db.ConversationReferences.AsNoTracking()
            .Where(r => r.TeamsChannelId == channelId || r.ConversationId == channelId || r.ConversationId.StartsWith(channelId + ";"))
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>Queues the activity as a new post in the channel; false when the bot has no address for it.</summary>
    /// <param name="notBefore">held in the outbox until then (null: sent at once).</param>
    public async Task<bool> PostAsync(string channelId, Activity activity, string? trackingKey, CancellationToken ct, DateTimeOffset? notBefore = null)
    {
        var channel = await ReferenceOfAsync(channelId, ct);
        if (channel is null) return false;
        activity.Type = ActivityTypes.Message;
        activity.From = new ChannelAccount { Id = channel.BotId, Name = channel.BotName };
        activity.Conversation = new ConversationAccount { Id = channelId, ConversationType = "channel", TenantId = channel.TenantId, IsGroup = true };
        outbox.Enqueue(OutboxOperation.Send, channel.ServiceUrl, channelId, null, activity, null, trackingKey, notBefore: notBefore);
        return true;
    }
}
