using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SalesBot.Testing;

/// <summary>
/// A Bot Connector stand-in: accepts v3 conversation calls and answers like the service, or with
/// the failures a test queues (429 with Retry-After, 503, 403...).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private FakeHttpServer _server = null!;
    private int _nextId;

    public string ServiceUrl => _server.BaseUrl + "/_connector/";
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Requests that the connector answered with success: what the user actually saw.</summary>
    public IReadOnlyList<RecordedRequest> Delivered => _server.Requests.Where(r => r.Headers.ContainsKey("x-test-delivered")).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await FakeHttpServer.StartAsync(connector.RespondAsync);
        return connector;
    }

    public void FailNext(int status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    private (double Share, string RetryAfter, Random Dice)? _storm;

    /// <summary>From now on, answers this share of activity posts with 429 and Retry-After (a seeded draw, so a run can be repeated).</summary>
    public void Throttle(double share, string retryAfter, int seed = 7) => _storm = (share, retryAfter, new Random(seed));

    private Hold? _hold;

    /// <summary>The next request waits at the connector until released; if its caller gives up meanwhile, it is not delivered.</summary>
    public Hold HoldNext() => _hold = new Hold();

    public sealed class Hold
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _abandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>A request is being held.</summary>
        public Task Arrived => _arrived.Task;

        /// <summary>The held request's caller cancelled it: the connector never answered it.</summary>
        public Task Abandoned => _abandoned.Task;

        public void Release() => _released.TrySetResult();

        internal async Task WaitAsync(CancellationToken aborted)
        {
            _arrived.TrySetResult();
            try
            {
                await _released.Task.WaitAsync(aborted);
            }
            catch (OperationCanceledException)
            {
                _abandoned.TrySetResult();
                throw;
            }
        }
    }

    private async Task RespondAsync(HttpContext ctx, RecordedRequest request)
    {
        if (Interlocked.Exchange(ref _hold, null) is { } hold) await hold.WaitAsync(ctx.RequestAborted);
        if (_storm is { } storm && request.Method == "POST" && request.RawPath.EndsWith("/activities", StringComparison.Ordinal))
        {
            bool throttled;
            lock (storm.Dice) throttled = storm.Dice.NextDouble() < storm.Share;
            if (throttled) _failures.Enqueue((429, storm.RetryAfter));
        }
        if (_failures.TryDequeue(out var failure))
        {
            ctx.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null) ctx.Response.Headers.RetryAfter = failure.RetryAfter;
            await ctx.Response.WriteAsync("""{"error":{"code":"Throttled","message":"test failure"}}""");
            return;
        }
        // Marks the request as delivered in the recording (the dictionary is a snapshot of headers).
        ((Dictionary<string, string>)request.Headers)["x-test-delivered"] = "1";
        ctx.Response.ContentType = "application/json";
        var id = Interlocked.Increment(ref _nextId).ToString();
        if (request.Method == "POST" && request.RawPath.EndsWith("/v3/conversations", StringComparison.Ordinal))
            await ctx.Response.WriteAsync(new JsonObject { ["id"] = "a:created-" + id }.ToJsonString());
        else if (request.Method == "GET")
            await ctx.Response.WriteAsync("""{"id":"29:member","name":"Member","objectId":"aad-member","email":"m@contoso.example"}""");
        else
            await ctx.Response.WriteAsync(new JsonObject { ["id"] = "msg-" + id }.ToJsonString());
    }

    /// <summary>Waits for delivered activities (POST/PUT to a conversation) and returns their JSON bodies.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForActivitiesAsync(int count, TimeSpan? timeout = null)
    {
        var requests = await _server.WaitForAsync(count, IsDeliveredActivity, timeout);
        return requests.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
    }

    /// <summary>New messages only (POSTs): what a user sees arrive, without the updates of earlier ones.</summary>
    public IReadOnlyList<JsonObject> PostedActivities =>
        _server.Requests.Where(r => IsDeliveredActivity(r) && r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();

    public IReadOnlyList<JsonObject> DeliveredActivities =>
        _server.Requests.Where(IsDeliveredActivity).Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();

    private static bool IsDeliveredActivity(RecordedRequest r) =>
        r.Headers.ContainsKey("x-test-delivered") && r.Method is "POST" or "PUT" && r.RawPath.Contains("/activities", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
