using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SalesBot.Testing;

/// <summary>
/// Azure OpenAI's chat completions endpoint served in-process
/// (POST /openai/deployments/{deployment}/chat/completions?api-version=..., key in the api-key
/// header): it answers with the content it is told to, or late, or with an error status, and
/// records every request so a test can read what the SDK sent.
/// </summary>
public sealed class FakeAzureOpenAI : IAsyncDisposable
{
    private readonly FakeHttpServer _server;

    private FakeAzureOpenAI(FakeHttpServer server) => _server = server;

    public const string Key = "fake-azure-openai-key";
    public const string Deployment = "salesbot-nlu";

    /// <summary>The assistant message's content: the JSON the model "answers".</summary>
    public string Content { get; set; } = """{"intent":"none","entities":{}}""";

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>An error status to answer with instead (429, 500...).</summary>
    public int? Status { get; set; }

    public static async Task<FakeAzureOpenAI> StartAsync()
    {
        FakeAzureOpenAI? fake = null;
        var server = await FakeHttpServer.StartAsync((ctx, request) => fake!.RespondAsync(ctx, request));
        fake = new FakeAzureOpenAI(server);
        return fake;
    }

    /// <summary>The resource's endpoint, as AzureOpenAI:Endpoint takes it.</summary>
    public string Endpoint => _server.BaseUrl + "/";

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    private async Task RespondAsync(HttpContext ctx, RecordedRequest request)
    {
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var path = request.RawPath.Split('?')[0];
        if (request.Method != "POST" || path != $"/openai/deployments/{Deployment}/chat/completions" || !request.RawPath.Contains("api-version=", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        if (!request.Headers.TryGetValue("api-key", out var key) || key != Key)
        {
            ctx.Response.StatusCode = 401;
            await ctx.Response.WriteAsync("""{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}""");
            return;
        }
        ctx.Response.ContentType = "application/json";
        if (Status is { } status)
        {
            ctx.Response.StatusCode = status;
            if (status == 429) ctx.Response.Headers.RetryAfter = "1";
            await ctx.Response.WriteAsync("""{"error":{"code":"injected","message":"injected failure"}}""");
            return;
        }
        var answer = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        };
        await ctx.Response.WriteAsync(answer.ToJsonString());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
