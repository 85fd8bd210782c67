namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Told when a Bot Connector message that carried a tracking key failed for good, so the feature
/// that sent it can act on what the refusal means (a channel that removed the bot ends its weekly
/// digest). Called in a scope of its own: a listener saves its own changes.
/// </summary>
public interface IFailedSendListener
{
    Task FailedAsync(string trackingKey, string error, CancellationToken ct);
}
