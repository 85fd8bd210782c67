using System.Net;
using System.Net.Http.Json;
using System.Text;
using SalesBot.Features.Pqrs.Api;

namespace SalesBot.Tests.Pqrs;

/// <summary>
/// The customer-service API under abuse: two keys at once for rotation (the old single key still
/// read), a rate limit per key with Retry-After, a 64 KB body limit, and a problem response for
/// every refusal.
/// </summary>
public sealed class PqrApiHardeningTests : IAsyncLifetime
{
    private const string OldKey = "old-key-0123456789";
    private const string NewKey = "new-key-9876543210";
    private const string LegacyKey = "legacy-key-555";
    private TestDatabase _database = null!;
    private BotHost _bot = null!;
    private readonly HttpClient _http = new();

    public Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _bot = BotHost.Start(_database, settings: new Dictionary<string, string?>
        {
            ["Pqrs:ApiKeys:0"] = OldKey,
            ["Pqrs:ApiKeys:1"] = NewKey,
            ["Pqrs:ApiKey"] = LegacyKey,
            ["Pqrs:RequestsPerMinute"] = "5",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _database.DisposeAsync();
    }

    private string Url(string path = "") => _bot.MessagesUrl.Replace("/api/messages", "/api/pqrs") + path;

    private Task<HttpResponseMessage> GetAsync(string? key, string radicado = "NOPE")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url("/" + radicado));
        if (key is not null) request.Headers.Add(PqrApiKeys.Header, key);
        return _http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"title\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Both_rotation_keys_and_the_legacy_key_are_accepted_and_others_are_not()
    {
        await AssertProblemAsync(await GetAsync(OldKey), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetAsync(NewKey), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetAsync(LegacyKey), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetAsync(OldKey + "x"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await GetAsync(OldKey[..^1]), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await GetAsync(""), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await GetAsync(null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Keys_are_matched_by_digest_whatever_their_length()
    {
        Assert.Equal(1, PqrApiKeys.Match(["a", "bb"], "bb"));
        Assert.Null(PqrApiKeys.Match(["a", "bb"], "b"));
        Assert.Null(PqrApiKeys.Match(["a"], new string('a', 10_000)));
        Assert.Null(PqrApiKeys.Match([""], ""));
    }

    [Fact]
    public async Task Each_key_has_its_own_limit_per_minute_answered_429_with_retry_after()
    {
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(OldKey)).StatusCode);
        var limited = await GetAsync(OldKey);
        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is >= 1 and <= 60);
        // The other key is not held back by the first one's calls.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(NewKey)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_a_problem_and_registers_nothing()
    {
        var body = JsonContent.Create(new { radicado = "R-BIG", description = new string('x', 70 * 1024) });
        var request = new HttpRequestMessage(HttpMethod.Post, Url()) { Content = body };
        request.Headers.Add(PqrApiKeys.Header, NewKey);
        await AssertProblemAsync(await _http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        // Without a Content-Length (chunked), the limit still holds while reading.
        var chunked = new HttpRequestMessage(HttpMethod.Post, Url())
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"description\":\"" + new string('y', 70 * 1024) + "\"}"))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.Add(PqrApiKeys.Header, NewKey);
        await AssertProblemAsync(await _http.SendAsync(chunked), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task An_absurd_radicado_is_a_problem_without_a_lookup()
    {
        await AssertProblemAsync(await GetAsync(NewKey, new string('9', 5000)), HttpStatusCode.NotFound);
    }
}
