using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SalesBot.Features.Pqrs.Api;

/// <summary>
/// Which configured key a caller presented. Keys are compared as SHA-256 digests, every key every
/// time, so neither the time taken nor an early exit tells a guesser anything about a key's length
/// or content.
/// </summary>
public static class PqrApiKeys
{
    public const string Header = "X-Api-Key";

    /// <summary>The index of the matching key (for rate limits and logs, never the key), or null.</summary>
    public static int? Match(IReadOnlyList<string> accepted, string? given)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? ""));
        int? found = null;
        for (var i = 0; i < accepted.Count; i++)
        {
            var equal = CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(accepted[i])));
            if (equal && given is { Length: > 0 }) found ??= i;
        }
        return found;
    }

    public static int? Match(HttpContext http) =>
        Match(http.RequestServices.GetRequiredService<IOptions<PqrOptions>>().Value.AcceptedKeys(), http.Request.Headers[Header].ToString());
}

/// <summary>
/// Pqrs:RequestsPerMinute per key (ASP.NET Core rate limiting, a fixed window per minute); callers
/// without a valid key share one window, so guessing cannot outrun it or grow the partitions.
/// </summary>
public static class PqrApiRateLimit
{
    public const string Policy = "pqr-api";

    public static IServiceCollection AddPqrApiRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<PqrOptions>>().Value.RequestsPerMinute;
                var key = PqrApiKeys.Match(http) is { } i ? "key-" + i : "no-key";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This key may make {http.RequestServices.GetRequiredService<IOptions<PqrOptions>>().Value.RequestsPerMinute} calls a minute; retry after the Retry-After seconds.")
                    .ExecuteAsync(http);
            };
        });
}
