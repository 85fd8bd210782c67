using System.Net;

namespace SalesBot.Teams.Connector;

/// <summary>A connector call that failed after its retries; says whether trying later may help.</summary>
public sealed class ConnectorException(HttpStatusCode status, string? body, TimeSpan? retryAfter, string operation)
    : Exception($"Bot Connector {operation} failed with {(int)status} {status}")
{
    public HttpStatusCode StatusCode { get; } = status;
    public string? ResponseBody { get; } = body;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Throttling and gateway errors pass; a 4xx (bad request, bot blocked, not found) will not.</summary>
    public bool IsTransient => ConnectorRetry.IsTransient(StatusCode) || StatusCode == HttpStatusCode.InternalServerError;
}
