namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Delivers the outbox rows of some operations (Bot Connector messages, calendar writes through
/// Microsoft Graph, app installations). The <see cref="OutboxEngine"/> gives the guarantees: written
/// with the change that needs them, delivered in lane order, retried with backoff (and Retry-After)
/// until done, failed for good after a permanent refusal. Registered for its operations with
/// <see cref="OutboxServiceCollectionExtensions.AddOutboxHandler{THandler}"/>, and resolved from a
/// fresh scope for each row: only the handler a row needs is ever built.
/// </summary>
public interface IOutboxOperationHandler
{
    /// <summary>
    /// Does the work. Throws <see cref="OutboxDeliveryException"/> (or a connector error) to say
    /// whether to retry; the token is cancelled on shutdown and when the row's claim runs out.
    /// </summary>
    Task DeliverAsync(OutboxMessage message, CancellationToken ct);

    /// <summary>Called once when the row is given up for good, to tell whoever is waiting for it.</summary>
    Task FailedAsync(OutboxMessage message, string error, CancellationToken ct);
}

/// <summary>A failed delivery: <see cref="Permanent"/> stops retrying; <see cref="RetryAfter"/> is the server's wish.</summary>
public sealed class OutboxDeliveryException(string message, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
