namespace SalesBot.Infrastructure.Outbox;

public enum OutboxOperation
{
    /// <summary>A new message in a Bot Connector conversation.</summary>
    Send = 0,

    /// <summary>A reply to an activity (<see cref="OutboxMessage.ActivityId"/>) in a conversation.</summary>
    Reply = 1,

    /// <summary>Replaces a message sent earlier (<see cref="OutboxMessage.ActivityId"/>), e.g. every copy of an approval card.</summary>
    Update = 2,

    /// <summary>
    /// A first message to someone with no personal chat with the bot yet: their Teams id is looked
    /// up in a team or group conversation they share with the bot (<see cref="OutboxMessage.ConversationId"/>;
    /// their Entra object id is <see cref="OutboxMessage.RecipientAadObjectId"/>), the 1:1 chat is
    /// created, and the activity sent there.
    /// </summary>
    CreatePersonalChat = 4,

    /// <summary>Bring a visit's Outlook event in line with the visit (Features/Visits).</summary>
    CalendarSync = 10,

    /// <summary>Install SalesBot for a person through Graph (proactive installation).</summary>
    InstallApp = 11,
}

/// <summary>
/// An outbound call (to the Bot Connector, or another service), written in the same transaction
/// as the change it needs and deleted once delivered. A row that is still here after a crash is
/// delivered after the restart. Each <see cref="IOutboxOperationHandler"/> delivers its operations;
/// the <see cref="OutboxEngine"/> decides when, in which order, and who holds the row.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxOperation Operation { get; set; }

    /// <summary>Rows of one lane leave in the order they were written: a Teams conversation, or one visit's calendar event.</summary>
    public string Lane { get; set; } = "";

    /// <summary>Bot Connector operations: the connector's base URL for the conversation.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Bot Connector operations: the conversation (for <see cref="OutboxOperation.CreatePersonalChat"/>, the shared one).</summary>
    public string? ConversationId { get; set; }

    /// <summary>The activity replied to or updated.</summary>
    public string? ActivityId { get; set; }

    /// <summary><see cref="OutboxOperation.CreatePersonalChat"/>: the Entra object id of the person to write to.</summary>
    public string? RecipientAadObjectId { get; set; }

    /// <summary>What to deliver: the activity's JSON, or the handler's own data.</summary>
    public string PayloadJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>
    /// The fencing token of the delivery that holds the row: set by each claim, and required by every
    /// later write of that delivery (renewal, retry, failure, delete). A delivery whose claim was
    /// taken over by another can change nothing.
    /// </summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>Until when the holder of <see cref="ClaimToken"/> has the row; it renews this while it delivers.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when delivery failed for good (e.g. the user blocked the bot); kept for inspection.</summary>
    public DateTimeOffset? FailedAt { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>Messages to be updated later: once delivered, a <see cref="SentCard"/> with this key records where.</summary>
    public string? TrackingKey { get; set; }
}
