using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Support;

/// <summary>
/// The real SalesBot (Program.cs, Kestrel on a loopback port, the configured database) with its
/// replies going to a fake Bot Connector. No app id: the anonymous loopback mode the Agents
/// Playground uses, so activities need no token.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _http = new();

    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Error)> Logs { get; } = new();
    public string MessagesUrl { get; }

    /// <summary>A public link the bot gave out (under Links:BaseUrl), as this test host serves it.</summary>
    public string LocalUrlOf(string publicLink) => MessagesUrl.Replace("/api/messages", "", StringComparison.Ordinal) + new Uri(publicLink).PathAndQuery;

    /// <summary>Fetches a chart link and checks it is a drawn PNG (bars and labels, not an empty image); returns its bytes.</summary>
    public async Task<byte[]> ChartAsync(string publicLink)
    {
        using var png = await _http.GetAsync(LocalUrlOf(publicLink));
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(bytes, 1, 3));
        Assert.True(bytes.Length > 5_000, "a chart with bars and labels, not an empty image");
        return bytes;
    }
    public IServiceProvider Services => _factory.Services;

    private BotHost(TestDatabase database, Action<IServiceCollection>? configure, IReadOnlyDictionary<string, string?>? settings)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in database.Settings) b.UseSetting(key, value);
            b.UseSetting("Database:MigrateOnStart", "true");
            b.UseSetting("Authentication:AllowUnauthenticatedLoopback", "true");
            b.UseSetting("Outbox:PollInterval", "00:00:00.200");
            b.UseSetting("Outbox:ClaimDuration", "00:00:02");
            // Last month's reports would go out at start (caught up) and crowd every test's chats;
            // the monthly report tests turn them on.
            b.UseSetting("Reports:SendMonthly", "false");
            // Likewise nudges and digests on the real clock (a Monday morning would nudge whoever has old
            // deals); the digest tests run their schedulers' rounds themselves.
            b.UseSetting("Digests:Send", "false");
            // The bot's threads would be this test host's: its other tests keep the normal scheduling
            // policy (BatchSchedulingTests runs the published bot with it).
            b.UseSetting("Runtime:BatchScheduling", "false");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) b.UseSetting(key, value);
            b.ConfigureLogging(l => l.AddProvider(new CollectingLoggerProvider(Logs)));
            b.ConfigureTestServices(s => configure?.Invoke(s));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        MessagesUrl = address.TrimEnd('/') + "/api/messages";
    }

    public static BotHost Start(TestDatabase database, Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null) => new(database, configure, settings);

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var response = await _http.PostAsJsonAsync(MessagesUrl, activity);
        return response;
    }

    /// <summary>Posts a body as it is (JSON that a JsonObject cannot hold, such as a lone surrogate escape).</summary>
    public Task<HttpResponseMessage> PostRawAsync(string json) =>
        _http.PostAsync(MessagesUrl, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Posts and insists on a success status, so a broken turn fails the test right here.</summary>
    public async Task<string> SendAsync(JsonObject activity)
    {
        var response = await PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<T> WithDbAsync<T>(Func<SalesBotDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SalesBotDbContext>());
    }

    /// <summary>Waits until every committed outbound message was delivered (the outbox holds no pending row).</summary>
    public async Task WaitForOutboxDrainedAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (await WithDbAsync(db => db.Outbox.CountAsync(m => m.FailedAt == null)) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                var stuck = await WithDbAsync(db => db.Outbox.Where(m => m.FailedAt == null)
                    .Select(m => $"{m.Operation} {m.Lane} attempts={m.Attempts} next={m.NextAttemptAt:O} error={m.LastError}").ToListAsync());
                throw new TimeoutException("The outbox still holds undelivered messages: " + string.Join(" | ", stuck));
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<(LogLevel, string, string, Exception?)> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, sink);
        public void Dispose() { }

        private sealed class Collector(string category, ConcurrentQueue<(LogLevel, string, string, Exception?)> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) sink.Enqueue((logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
