using System.Globalization;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Features.Visits.Calendar;

/// <summary>
/// Every failure shape the Graph SDK throws, sorted into "try again later" (throttling, outages,
/// timeouts, network, token trouble) and "will never work" (the request is refused).
/// </summary>
public static class GraphErrors
{
    public static bool IsGraphFailure(Exception e) =>
        e is ApiException or HttpRequestException or TaskCanceledException or TimeoutException
            or AuthenticationFailedException or CredentialUnavailableException or System.Text.Json.JsonException;

    public static OutboxDeliveryException ToDelivery(Exception e)
    {
        var (status, code) = e switch
        {
            ODataError o => (o.ResponseStatusCode, o.Error?.Code),
            ApiException a => (a.ResponseStatusCode, null),
            _ => (0, null),
        };
        var transient = status is 0 or 408 or 409 or 412 or 429 or >= 500 || e is ODataError { Error.Code: "ErrorDuplicateTransactionId" } || e is AuthenticationFailedException or CredentialUnavailableException;
        var message = status == 0 ? $"{e.GetType().Name}: {e.Message}" : $"Graph {status}{(code is null ? "" : " " + code)}: {(e as ODataError)?.Error?.Message ?? e.Message}";
        return new OutboxDeliveryException(message, permanent: !transient, RetryAfter(e), e);
    }

    public static int Status(Exception e) => (e as ApiException)?.ResponseStatusCode ?? 0;

    /// <summary>A create refused because an event with its transaction id exists (Graph: 400 ErrorDuplicateTransactionId; 409 seen too).</summary>
    public static bool IsDuplicateTransaction(Exception e) =>
        e is ODataError { Error.Code: "ErrorDuplicateTransactionId" } || Status(e) == 409;

    private static TimeSpan? RetryAfter(Exception e)
    {
        if (e is not ApiException { ResponseHeaders: { } headers }) return null;
        var value = headers.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at - DateTimeOffset.UtcNow : null;
    }
}
