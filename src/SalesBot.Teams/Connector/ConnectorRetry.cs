using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SalesBot.Teams.Connector;

/// <summary>
/// Retry rules for the connector, as Teams documents them: 429 honouring Retry-After, and 412,
/// 502, 503, 504 with jittered exponential backoff, a bounded number of times. Long waits are left
/// to the caller (the outbox reschedules), so one HTTP call never blocks for minutes.
/// </summary>
public static class ConnectorRetry
{
    public const int MaxRetryAttempts = 4;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    public static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static void Configure(HttpRetryStrategyOptions retry)
    {
        retry.MaxRetryAttempts = MaxRetryAttempts;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.Delay = TimeSpan.FromMilliseconds(500);
        retry.MaxDelay = MaxDelay;
        retry.ShouldRetryAfterHeader = true;
        // Only answers that prove the message was not accepted: a timeout or a dropped connection
        // might have delivered it, and a blind re-POST would show the user a duplicate.
        retry.ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Result is { } response && IsTransient(response.StatusCode));
    }
}
