using System.Net;

namespace SalesBot.Teams.Connector;

/// <summary>A connector call that failed after its retries; says whether trying later may help.</summary>
public sealed class ConnectorException(HttpStatusCode status, string? body, TimeSpan? retryAfter, string operation)
    : Exception($"Bot Connector {operation} failed with {(int)status} {status}")
{
    public HttpStatusCode StatusCode { get; } = status;
    public string? ResponseBody { get; } = body;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// Worth trying again later: throttling, gateway and server errors, timeouts, and 401 (a token
    /// or clock problem on our side that an operator can fix). A 400, 403 (bot blocked or removed)
    /// or 404 will not change.
    /// </summary>
    public bool IsTransient => ConnectorRetry.IsTransient(StatusCode)
        || ((int)StatusCode >= 500 && StatusCode is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported))
        || StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout;
}
