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

    /// <summary>Exponential with jitter, capped; a longer wait asked by the server wins.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan maxBackoff, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(maxBackoff.TotalSeconds, Math.Pow(2, attempts)))
            + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
        return retryAfter is { } asked && asked > exponential ? asked : exponential;
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
