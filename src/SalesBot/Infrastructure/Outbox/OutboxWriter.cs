using System.Text.Json;
using SalesBot.Teams.Schema;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Adds outbound connector calls to the current unit of work. They are written by the same
/// SaveChanges as the change they report (a turn's replies: by its commit, see <see cref="ReplyRow"/>),
/// and handed to the dispatcher only once it committed.
/// </summary>
public sealed class OutboxWriter : IDisposable
{
    private readonly SalesBotDbContext _db;
    private readonly OutboxQueue _queue;
    private readonly TimeProvider _clock;
    private readonly OutboxOptions _options;
    private readonly List<OutboxMessage> _pending = [];
    private bool _held;

    public OutboxWriter(SalesBotDbContext db, OutboxQueue queue, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OutboxOptions> options)
    {
        _db = db;
        _queue = queue;
        _clock = clock;
        _options = options.Value;
        _db.SavedChanges += OnSaved;
        _db.SaveChangesFailed += OnFailed;
    }

    // The context is pooled and outlives this scope: stop listening to it when the scope ends.
    public void Dispose()
    {
        _db.SavedChanges -= OnSaved;
        _db.SaveChangesFailed -= OnFailed;
    }

    private void OnSaved(object? sender, SavedChangesEventArgs e)
    {
        if (!_held) HandOff();
    }

    private void OnFailed(object? sender, SaveChangesFailedEventArgs e) => _pending.Clear();

    /// <summary>
    /// The next save is not the commit (a group commit's transaction ends later): keep what it
    /// writes until <see cref="ReleaseHeld"/> (committed) or <see cref="DiscardHeld"/> (not kept).
    /// </summary>
    public void HoldHandOff() => _held = true;

    public void ReleaseHeld()
    {
        _held = false;
        HandOff();
    }

    public void DiscardHeld()
    {
        _held = false;
        _pending.Clear();
    }

    /// <summary>A Bot Connector call: its lane is the conversation, so a conversation's messages leave in order.</summary>
    /// <param name="notBefore">a moment it must not leave before (a digest built ahead of its hour); null: right after commit.</param>
    public OutboxMessage Enqueue(OutboxOperation operation, string serviceUrl, string conversationId, string? activityId, Activity activity, string? correlationId,
        string? trackingKey = null, string? recipientAadObjectId = null, DateTimeOffset? notBefore = null) =>
        Add(ConnectorCall(operation, serviceUrl, conversationId, activityId, activity, correlationId, trackingKey, recipientAadObjectId, notBefore));

    private OutboxMessage ConnectorCall(OutboxOperation operation, string serviceUrl, string conversationId, string? activityId, Activity activity,
        string? correlationId, string? trackingKey, string? recipientAadObjectId = null, DateTimeOffset? notBefore = null)
    {
        var message = New(operation, ConnectorLane(serviceUrl, conversationId), JsonSerializer.Serialize(activity, ActivityJson.Options), correlationId, notBefore);
        message.ServiceUrl = serviceUrl;
        message.ConversationId = conversationId;
        message.ActivityId = activityId;
        message.RecipientAadObjectId = recipientAadObjectId;
        message.TrackingKey = trackingKey;
        return message;
    }

    public static string ConnectorLane(string serviceUrl, string conversationId) => serviceUrl + "|" + conversationId;

    /// <summary>
    /// Work for another <see cref="IOutboxOperationHandler"/>. Rows of one lane go in the order they
    /// were written (e.g. create, then move, then cancel one visit's event).
    /// </summary>
    public OutboxMessage EnqueueWork(OutboxOperation operation, string lane, string payloadJson, string? correlationId = null) =>
        Add(New(operation, lane, payloadJson, correlationId));

    private OutboxMessage New(OutboxOperation operation, string lane, string payloadJson, string? correlationId, DateTimeOffset? notBefore = null)
    {
        var now = _clock.GetUtcNow();
        // Held for later (a digest built ahead of its hour): unclaimed, due then, and not handed off; the poller of whichever instance takes it once due.
        var held = notBefore > now;
        return new OutboxMessage
        {
            Operation = operation,
            Lane = lane,
            PayloadJson = payloadJson,
            CreatedAt = now,
            NextAttemptAt = held ? notBefore!.Value : now,
            // Otherwise this instance delivers it right after commit, under this claim; others leave it alone meanwhile.
            ClaimToken = held ? null : NewId.Next(),
            ClaimedUntil = held ? null : now + _options.ClaimDuration,
            CorrelationId = correlationId,
        };
    }

    /// <summary>Into the unit of work, and (unless held for later) handed off once it commits.</summary>
    private OutboxMessage Add(OutboxMessage message)
    {
        _db.Outbox.Add(message);
        return HandOffOnceCommitted(message);
    }

    private OutboxMessage HandOffOnceCommitted(OutboxMessage message)
    {
        if (message.ClaimToken is not null) _pending.Add(message);
        return message;
    }

    /// <summary>
    /// A reply to the inbound activity (a plain send when there is nothing to reply to), as a row
    /// for the turn pipeline to write itself (<see cref="TurnRows"/>): not added to the context,
    /// but handed off like the others once the turn commits.
    /// </summary>
    public OutboxMessage ReplyRow(Activity inbound, Activity reply, string? correlationId, string? trackingKey = null) =>
        HandOffOnceCommitted(reply.ReplyToId is { Length: > 0 } replyTo
            ? ConnectorCall(OutboxOperation.Reply, inbound.ServiceUrl!, inbound.Conversation!.Id!, replyTo, reply, correlationId, trackingKey)
            : ConnectorCall(OutboxOperation.Send, inbound.ServiceUrl!, inbound.Conversation!.Id!, null, reply, correlationId, trackingKey));

    /// <summary>
    /// A reply meant for the sender alone, though the turn came from a shared conversation: sent to
    /// their personal chat, or (with none yet) to a 1:1 chat created from the shared one's roster.
    /// </summary>
    /// <param name="fromElsewhere">the turn came from a conversation the bot is not in: its roster cannot be read.</param>
    public OutboxMessage EnqueuePrivately(Activity inbound, Activity reply, StoredConversationReference? personal, string? correlationId, string? trackingKey,
        bool fromElsewhere = false)
    {
        reply.ReplyToId = null;
        if (personal is not null)
        {
            reply.From = new ChannelAccount { Id = personal.BotId, Name = personal.BotName };
            reply.Recipient = new ChannelAccount { Id = personal.UserId, Name = personal.UserName, AadObjectId = personal.UserAadObjectId };
            reply.Conversation = new ConversationAccount { Id = personal.ConversationId, ConversationType = "personal", TenantId = personal.TenantId };
            return Enqueue(OutboxOperation.Send, personal.ServiceUrl, personal.ConversationId, null, reply, correlationId, trackingKey);
        }
        reply.From = inbound.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null;
        // From a conversation the bot is not in, its roster cannot be read: the sender's own id for this bot is who to write to.
        reply.Recipient = fromElsewhere && inbound.From?.Id is { Length: > 0 } memberId
            ? new ChannelAccount { Id = memberId, AadObjectId = inbound.From.AadObjectId }
            : null;
        reply.Conversation = new ConversationAccount { TenantId = inbound.TenantId };
        return Enqueue(OutboxOperation.CreatePersonalChat, inbound.ServiceUrl!, inbound.Conversation!.Id!, null,
            reply, correlationId, trackingKey, inbound.From!.AadObjectId);
    }

    private void HandOff()
    {
        if (_pending.Count == 0) return;
        _queue.Committed(_pending.ToList());
        _pending.Clear();
    }
}
