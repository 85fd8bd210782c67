using System.Text.Json;
using SalesBot.Teams.Connector;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>How the outbox reads a failed delivery: whether to try again, when, and what to record.</summary>
internal static class DeliveryFailures
{
    /// <summary>Errors that another attempt cannot fix: a refusal by the connector, or a row that cannot be sent as written.</summary>
    public static bool IsPermanent(Exception e) => e switch
    {
        ConnectorException c => !c.IsTransient,
        OutboxDeliveryException d => d.Permanent,
        UntrustedServiceUrlException or JsonException or InvalidDataException or UriFormatException or NullReferenceException => true,
        _ => false,
    };

    /// <summary>
    /// The wait the server asked for (Retry-After, as Teams asks on 429), with a little jitter; else
    /// exponential with jitter, capped. A throttled conversation is retried when Teams said, not
    /// seconds or minutes later: the pacer (<see cref="SendPacer"/>) keeps the tenant under its budget.
    /// </summary>
    public static TimeSpan Backoff(int attempts, TimeSpan maxBackoff, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked && asked >= TimeSpan.Zero) return asked + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
        return TimeSpan.FromSeconds(Math.Min(maxBackoff.TotalSeconds, Math.Pow(2, attempts))) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
    }

    /// <summary>What is kept in the row and the log.</summary>
    public static string Describe(Exception e) => e switch
    {
        ConnectorException c => $"{(int)c.StatusCode}: {c.ResponseBody}",
        OutboxDeliveryException d => d.Message,
        TimeoutException t when t.InnerException is { } inner => $"{t.Message}: {Describe(inner)}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
