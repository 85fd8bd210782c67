using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SalesBot.Teams.Connector;

/// <summary>
/// Retry rules for the connector, as Teams documents them: 429 honouring Retry-After, and 412,
/// 502, 503, 504 with jittered exponential backoff, a bounded number of times. A Retry-After
/// longer than <see cref="MaxDelay"/> is not waited out here: the call fails with that value and
/// the caller (the outbox) reschedules, so no HTTP call holds a delivery slot for minutes.
/// </summary>
public static class ConnectorRetry
{
    public const int MaxRetryAttempts = 4;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    public static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <param name="retryThrottled">
    /// Whether a 429 is retried here too. A sender that paces its own sends (a budget per second)
    /// turns it off: a retry here would go around its budget; it retries the 429 itself, later.
    /// </param>
    public static HttpRetryStrategyOptions Options(bool retryThrottled = true)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = MaxDelay,
            // Polly does not cap Retry-After by MaxDelay, so it is read here instead.
            ShouldRetryAfterHeader = false,
        };
        retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result));
        // Only answers that prove the message was not accepted: a timeout or a dropped connection
        // might have delivered it, and a blind re-POST would show the user a duplicate.
        retry.ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Result is { } response && IsTransient(response.StatusCode)
            && (retryThrottled || response.StatusCode != HttpStatusCode.TooManyRequests)
            && !(RetryAfter(response) > MaxDelay));
        return retry;
    }

    /// <summary>The wait the server asked for, or null to use the exponential backoff.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
