namespace SalesBot.Infrastructure.Outbox;

public enum OutboxOperation
{
    Send = 0,
    Reply = 1,
    Update = 2,
    Delete = 3,

    /// <summary>
    /// A first message to someone with no personal chat with the bot yet: their Teams id is looked
    /// up in a team or group conversation they share with the bot (<see cref="OutboxMessage.ConversationId"/>;
    /// their Entra object id in <see cref="OutboxMessage.ActivityId"/>), the 1:1 chat is created, and the
    /// activity sent there.
    /// </summary>
    CreatePersonalChat = 4,

    /// <summary>Bring a visit's Outlook event in line with the visit (Features/Visits); handled by an <see cref="IOutboxOperationHandler"/>.</summary>
    CalendarSync = 10,

    /// <summary>Install SalesBot for a person through Graph (proactive installation).</summary>
    InstallApp = 11,
}

/// <summary>
/// An outbound call (to the Bot Connector, or another service through an
/// <see cref="IOutboxOperationHandler"/>), written in the same transaction as the change it needs and
/// deleted once delivered. A row that is still here after a crash is delivered after the restart.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxOperation Operation { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";

    /// <summary>The activity replied to, updated or deleted.</summary>
    public string? ActivityId { get; set; }
    public string PayloadJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>An instance that took the row for delivery holds it until then; after that anyone may.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when delivery failed for good (e.g. the user blocked the bot); kept for inspection.</summary>
    public DateTimeOffset? FailedAt { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>Set for messages to be updated later: once delivered, a <see cref="SentCard"/> with this key records where.</summary>
    public string? TrackingKey { get; set; }
}
