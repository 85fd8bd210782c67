namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox rows that are not Bot Connector calls (e.g. calendar writes through Microsoft
/// Graph), with the same guarantees: written with the change that needs them, retried with
/// backoff (and Retry-After) until done, failed for good after a permanent refusal. Resolved from
/// a fresh scope for each row.
/// </summary>
public interface IOutboxOperationHandler
{
    OutboxOperation Operation { get; }

    /// <summary>Does the work; throws <see cref="OutboxDeliveryException"/> to say whether to retry.</summary>
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
