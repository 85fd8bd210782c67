namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// A delivered message that will need updating later (e.g. every copy of an approval card when
/// the approval changes): where it is and its activity id, under the key its sender chose.
/// Written by the dispatcher when a row with a <see cref="OutboxMessage.TrackingKey"/> is delivered.
/// </summary>
public sealed class SentCard
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
