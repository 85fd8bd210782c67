using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SalesBot.Testing;

/// <summary>
/// The slice of Microsoft Graph v1.0 that calendars use, served in-process: getSchedule, create
/// (deduplicated by transactionId, like Graph), update, cancel, and a filter by transactionId.
/// It records every request and can fail the next ones with any status (429 with Retry-After, 503...).
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly FakeHttpServer _server;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string Path)> _failures = new();
    private readonly ConcurrentDictionary<string, string> _eventsByTransaction = new();
    private int _nextEvent;

    private FakeGraph(FakeHttpServer server) => _server = server;

    public static async Task<FakeGraph> StartAsync()
    {
        FakeGraph? graph = null;
        var server = await FakeHttpServer.StartAsync(async (ctx, request) =>
        {
            try
            {
                await graph!.RespondAsync(ctx, request);
            }
            catch (Exception e)
            {
                // A broken fake must say so, not pass for a Graph outage.
                graph!.Errors.Add(request.Method + " " + request.RawPath + " " + string.Join(";", request.Headers.Select(h => h.Key + "=" + h.Value)) + " BODY " + request.Body + " " + e);
                throw;
            }
        });
        graph = new FakeGraph(server);
        return graph;
    }

    public string BaseUrl => _server.BaseUrl + "/v1.0";

    /// <summary>Exceptions the fake itself threw (a test bug, not a simulated failure).</summary>
    public ConcurrentBag<string> Errors { get; } = [];

    /// <summary>Busy items getSchedule returns (UTC).</summary>
    public List<(DateTimeOffset Start, DateTimeOffset End, string Subject)> Busy { get; } = [];

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>How many events exist (one per transaction id).</summary>
    public int EventCount => _eventsByTransaction.Count;

    /// <summary>The next request whose path contains <paramref name="path"/> gets this status (and Retry-After).</summary>
    public void FailNext(int status, string path, string? retryAfter = null, int times = 1)
    {
        for (var i = 0; i < times; i++) _failures.Enqueue((status, retryAfter, path));
    }

    public void ClearFailures() => _failures.Clear();

    /// <summary>The next create makes the event but its answer is "lost" (a 503 instead of the 201).</summary>
    public bool LoseNextCreateResponse { get; set; }

    public Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, Func<RecordedRequest, bool> filter, TimeSpan? timeout = null) =>
        _server.WaitForAsync(count, filter, timeout);

    private async Task RespondAsync(HttpContext ctx, RecordedRequest request)
    {
        var path = request.RawPath.Split('?')[0];
        if (_failures.TryPeek(out var failure) && path.Contains(failure.Path, StringComparison.Ordinal) && _failures.TryDequeue(out failure))
        {
            ctx.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null) ctx.Response.Headers.RetryAfter = failure.RetryAfter;
            await Json(ctx, new JsonObject { ["error"] = new JsonObject { ["code"] = failure.Status == 429 ? "TooManyRequests" : "ServiceUnavailable", ["message"] = "injected failure" } });
            return;
        }
        if (request.Method == "POST" && path.EndsWith("/calendar/getSchedule", StringComparison.Ordinal))
        {
            // Graph reads action parameters case-insensitively; the SDK sends them as the metadata names them ("Schedules").
            var body = JsonNode.Parse(request.Body)!.AsObject();
            var schedules = body.First(p => p.Key.Equals("schedules", StringComparison.OrdinalIgnoreCase)).Value!;
            var items = new JsonArray(Busy.Select(b => (JsonNode)new JsonObject
            {
                ["status"] = "busy",
                ["subject"] = b.Subject,
                ["isPrivate"] = false,
                ["start"] = new JsonObject { ["dateTime"] = b.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff"), ["timeZone"] = "UTC" },
                ["end"] = new JsonObject { ["dateTime"] = b.End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff"), ["timeZone"] = "UTC" },
            }).ToArray());
            await Json(ctx, new JsonObject
            {
                ["value"] = new JsonArray(new JsonObject { ["scheduleId"] = schedules[0]!.GetValue<string>(), ["availabilityView"] = "", ["scheduleItems"] = items }),
            });
            return;
        }
        if (request.Method == "POST" && path.EndsWith("/events", StringComparison.Ordinal))
        {
            var body = JsonNode.Parse(request.Body)!.AsObject();
            var transaction = body["transactionId"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
            if (_eventsByTransaction.ContainsKey(transaction))
            {
                // What Graph answers a second create with the same transaction id.
                ctx.Response.StatusCode = 400;
                await Json(ctx, new JsonObject { ["error"] = new JsonObject { ["code"] = "ErrorDuplicateTransactionId", ["message"] = "duplicate transaction id" } });
                return;
            }
            var id = _eventsByTransaction.GetOrAdd(transaction, _ => "evt-" + Interlocked.Increment(ref _nextEvent));
            if (LoseNextCreateResponse)
            {
                LoseNextCreateResponse = false;
                ctx.Response.StatusCode = 503;
                return;
            }
            body["id"] = id;
            ctx.Response.StatusCode = 201;
            await Json(ctx, body);
            return;
        }
        if (request.Method == "GET" && path.EndsWith("/events", StringComparison.Ordinal))
        {
            var matches = _eventsByTransaction.Where(e => Uri.UnescapeDataString(request.RawPath).Contains(e.Key, StringComparison.Ordinal))
                .Select(e => (JsonNode)new JsonObject { ["id"] = e.Value }).ToArray();
            await Json(ctx, new JsonObject { ["value"] = new JsonArray(matches) });
            return;
        }
        if (request.Method == "PATCH" && path.Contains("/events/", StringComparison.Ordinal))
        {
            var body = JsonNode.Parse(request.Body)!.AsObject();
            body["id"] = path[(path.LastIndexOf('/') + 1)..];
            await Json(ctx, body);
            return;
        }
        if (request.Method == "POST" && path.EndsWith("/teamwork/installedApps", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 201;
            await Json(ctx, new JsonObject { ["id"] = "installation-" + Guid.NewGuid().ToString("N")[..8] });
            return;
        }
        if (request.Method == "POST" && path.EndsWith("/cancel", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 202;
            return;
        }
        ctx.Response.StatusCode = 404;
        await Json(ctx, new JsonObject { ["error"] = new JsonObject { ["code"] = "ErrorItemNotFound", ["message"] = "not found" } });
    }

    private static Task Json(HttpContext ctx, JsonNode body)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
