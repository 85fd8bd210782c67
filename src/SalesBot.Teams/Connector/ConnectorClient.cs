using System.Text.Json;
using Microsoft.Extensions.Logging;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) for one bot: every call is relative to the conversation's
/// serviceUrl, and every id in a path is escaped, since Teams ids contain ':', '@' and ';'.
/// </summary>
public sealed class ConnectorClient(HttpClient http, ILogger<ConnectorClient> logger)
{
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"), activity, "reply", ct);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities"), activity, "send", ct);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"), activity, "update", ct);

    /// <summary>
    /// Sends an activity that is already JSON (a stored outbox row) without parsing it again:
    /// a reply when <paramref name="replyToId"/> is set, else a new message; or an update.
    /// </summary>
    public Task<ResourceResponse> SendJsonAsync(string serviceUrl, string conversationId, string? replyToId, string activityJson, bool update, CancellationToken ct)
    {
        var path = replyToId is null
            ? $"v3/conversations/{Esc(conversationId)}/activities"
            : $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}";
        return SendAsync<ResourceResponse>(update ? HttpMethod.Put : HttpMethod.Post, Url(serviceUrl, path),
            new RawJson(activityJson), update ? "update" : replyToId is null ? "send" : "reply", ct);
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"), null, "delete", ct);

    /// <summary>Creates (or, for an existing 1:1 pair, returns) a conversation: a personal chat or a channel thread.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, Url(serviceUrl, "v3/conversations"), parameters, "create conversation", ct);

    public Task<TeamsChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct) =>
        SendAsync<TeamsChannelAccount>(HttpMethod.Get, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(memberId)}"), null, "get member", ct);

    private async Task<T> SendAsync<T>(HttpMethod method, Uri url, object? body, string operation, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            // Buffered, so the request carries a Content-Length rather than chunked encoding.
            request.Content = body is RawJson raw
                ? new StringContent(raw.Json, System.Text.Encoding.UTF8)
                : new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ActivityJson.Options));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var retryAfter = ConnectorRetry.RetryAfter(response);
            logger.LogWarning("Connector {Operation} {Status}; operation id {OperationId}",
                operation, (int)response.StatusCode, CorrelatingId(response));
            throw new ConnectorException(response.StatusCode, text, retryAfter, operation);
        }
        if (response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(JsonElement?)) return default!;
        var text2 = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text2)) return default!;
        return JsonSerializer.Deserialize<T>(text2, ActivityJson.Options)!;
    }

    private sealed record RawJson(string Json);

    private static string? CorrelatingId(HttpResponseMessage r) =>
        r.Headers.TryGetValues("X-Correlating-OperationId", out var v) ? v.FirstOrDefault() : null;

    private static string Esc(string id) => Uri.EscapeDataString(id);

    private static Uri Url(string serviceUrl, string path)
    {
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return new Uri(new Uri(baseUrl, UriKind.Absolute), path);
    }
}
