using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBot.Teams.Connector;
using SalesBot.Teams.Schema;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Bot Connector delivery: sends, replies, updates, and first messages through a created 1:1 chat.
/// The stored JSON goes out as written (no parse and re-serialise), except where the activity
/// must be readdressed to a chat created here. Where a tracked card landed is recorded after.
/// </summary>
/// <remarks>
/// The database and the failure listeners (which use it) are taken from the delivery's scope only
/// when needed: leasing a context for every reply, which most never use, was about 1 % of a
/// turn's CPU (bench/).
/// </remarks>
public sealed class ConnectorDeliveryHandler(
    ConnectorClient connector, IServiceProvider scope, TimeProvider clock, ILogger<ConnectorDeliveryHandler> logger)
    : IOutboxOperationHandler
{
    public static readonly OutboxOperation[] Operations =
        [OutboxOperation.Send, OutboxOperation.Reply, OutboxOperation.Update, OutboxOperation.CreatePersonalChat];

    public async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.ServiceUrl is not { Length: > 0 } serviceUrl || message.ConversationId is not { Length: > 0 } conversation)
            throw new InvalidDataException($"Outbox message {message.Id} has no conversation to deliver to");
        if (string.IsNullOrEmpty(message.PayloadJson)) throw new InvalidDataException($"Outbox message {message.Id} has no activity to send");
        if (message.Operation is OutboxOperation.Reply or OutboxOperation.Update && string.IsNullOrEmpty(message.ActivityId))
            throw new InvalidDataException($"Outbox message {message.Id} needs the id of the activity to {message.Operation}");
        var (sent, landedIn) = message.Operation switch
        {
            OutboxOperation.Reply => (await connector.SendJsonAsync(serviceUrl, conversation, message.ActivityId, message.PayloadJson, update: false, ct), conversation),
            OutboxOperation.Send => (await connector.SendJsonAsync(serviceUrl, conversation, null, message.PayloadJson, update: false, ct), conversation),
            OutboxOperation.Update => (await connector.SendJsonAsync(serviceUrl, conversation, message.ActivityId, message.PayloadJson, update: true, ct), conversation),
            OutboxOperation.CreatePersonalChat => await CreatePersonalChatAndSendAsync(message, serviceUrl, conversation, ct),
            _ => throw new InvalidDataException($"{message.Operation} is not a Bot Connector operation"),
        };
        if (message.TrackingKey is { } key && message.Operation != OutboxOperation.Update && sent?.Id is { Length: > 0 } id)
            await RecordWhereItLandedAsync(message, new SentCard { Key = key, ServiceUrl = serviceUrl, ConversationId = landedIn, ActivityId = id, SentAt = clock.GetUtcNow() }, ct);
    }

    /// <summary>The row kept as failed says it all; a tracked message's sender is also told (see <see cref="IFailedSendListener"/>).</summary>
    public async Task FailedAsync(OutboxMessage message, string error, CancellationToken ct)
    {
        if (message.TrackingKey is not { } key) return;
        foreach (var listener in scope.GetServices<IFailedSendListener>()) await listener.FailedAsync(key, error, ct);
    }

    /// <summary>
    /// Teams' "create or get" of a 1:1 chat: the member's 29: id from the shared conversation's
    /// roster, then the conversation, then the message. Repeating it after a failure finds the
    /// same chat, so a retry is safe.
    /// </summary>
    private async Task<(ResourceResponse?, string)> CreatePersonalChatAndSendAsync(OutboxMessage message, string serviceUrl, string shared, CancellationToken ct)
    {
        var recipient = message.RecipientAadObjectId ?? throw new InvalidDataException($"Outbox message {message.Id} names nobody to write to");
        var activity = JsonSerializer.Deserialize<Activity>(message.PayloadJson, ActivityJson.Options)
            ?? throw new InvalidDataException($"Outbox message {message.Id} has no activity to send");
        // The member's id comes with the message when the shared conversation's roster cannot be read (the bot is not in it).
        var memberId = activity.Recipient?.Id is { Length: > 0 } known ? known : (await connector.GetConversationMemberAsync(serviceUrl, shared, recipient, ct)).Id;
        var tenant = activity.Conversation?.TenantId;
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            Bot = activity.From,
            Members = [new ChannelAccount { Id = memberId }],
            TenantId = tenant,
            ChannelData = tenant is null ? null : new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        }, ct);
        var chatId = created.Id ?? throw new InvalidDataException("Teams created no conversation id");
        activity.Conversation = new ConversationAccount { Id = chatId, ConversationType = "personal", TenantId = tenant };
        activity.Recipient = new ChannelAccount { Id = memberId, AadObjectId = recipient };
        return (await connector.SendToConversationAsync(serviceUrl, chatId, activity, ct), chatId);
    }

    /// <summary>
    /// One copy per conversation: a newer card there (a reminder) replaces the older one, whose own
    /// refresh still brings it up to date when opened. Lost only if this write fails after
    /// delivery, which must not send the message again: it is logged, not thrown.
    /// </summary>
    private async Task RecordWhereItLandedAsync(OutboxMessage message, SentCard card, CancellationToken ct)
    {
        try
        {
            var db = scope.GetRequiredService<SalesBotDbContext>();
            db.SentCards.RemoveRange(await db.SentCards.Where(c => c.Key == card.Key && c.ConversationId == card.ConversationId).ToListAsync(ct));
            db.SentCards.Add(card);
            await db.SaveChangesAsync(ct); // takes the SQLite write gate itself
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Outbox message {MessageId} delivered, but where it landed was not recorded", message.Id);
        }
    }
}
