using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesBot.Features.Digests;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Bench;

/// <summary>
/// The weekly digest at scale (issue 15): 200 teams over 100,000 deals. Times building every
/// team's digest, then posts them all through the real scheduler and outbox to an in-process
/// connector that counts what arrives: delivery rate against Outbox:TenantSendsPerSecond, and
/// digests lost or duplicated. Reports only; asserts nothing.
/// </summary>
public sealed class DigestBench(BenchOptions options, TextWriter output)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const int Budget = 25;

    public async Task RunAsync(CancellationToken ct)
    {
        var shape = DataShape.Digests;
        var state = await BenchDatabase.PrepareAsync(options.ConnectionString, shape, options.Reload, output, ct);
        await using var connector = CountingConnector.Start();
        using var host = BenchHost.Build(options.ConnectionString, new SqlCapture(), new Dictionary<string, string?>
        {
            ["Outbox:TenantSendsPerSecond"] = Budget.ToString(Inv),
            ["TrustedServiceUrlHosts:99"] = "127.0.0.1",
        });
        var services = host.Services;
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        if (state == DatabaseState.Empty)
        {
            await output.WriteLineAsync("== loading (one transaction)");
            var now0 = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var calendar = services.GetRequiredService<BusinessCalendar>();
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(ct);
            await new BenchDataLoader(connection, shape, now0, calendar.LocalDate(now0), calendar.TimeZone.Id, output).LoadAsync(ct);
        }

        List<Guid> teams;
        await using (var scope = services.CreateAsyncScope())
            teams = await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().Teams.Select(t => t.Id).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;

        // 1. Building: every team's digest once as a warm-up, then three timed passes; the median pass is reported.
        await BuildAllAsync(services, teams, now, ct);
        var passes = new List<(TimeSpan Total, List<double> Each)>();
        for (var pass = 0; pass < 3; pass++) passes.Add(await BuildAllAsync(services, teams, now, ct));
        var median = passes.OrderBy(p => p.Total).ElementAt(1);
        var each = median.Each.Order().ToList();
        await output.WriteLineAsync(string.Create(Inv,
            $"== built {teams.Count} digests: {median.Total.TotalSeconds:F2} s (passes {string.Join(", ", passes.Select(p => p.Total.TotalSeconds.ToString("F2", Inv)))} s); per digest p50 {each[each.Count / 2]:F1} ms, p95 {each[(int)(each.Count * 0.95)]:F1} ms, max {each[^1]:F1} ms"));

        // 2. Delivering: one subscription per team, to a channel the bot has heard from, at the next
        // whole minute at least 20 s away. As on a Monday at 08:00, the scheduler builds them all ahead
        // of that minute (Digests:BuildAhead) and the outbox holds them until it, then sends them.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
        var later = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(80), zone);
        var hour = new DateTimeOffset(later.Year, later.Month, later.Day, later.Hour, later.Minute, 0, later.Offset);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "DigestSubscriptions"; DELETE FROM "JobRuns" WHERE "Job" LIKE 'digest:%'; DELETE FROM "Outbox"; DELETE FROM "ConversationReferences" WHERE "ConversationId" LIKE '19:bench-%'""", ct);
            var slot = new DigestSlot(hour.DayOfWeek, new TimeOnly(hour.Hour, hour.Minute));
            for (var i = 0; i < teams.Count; i++)
            {
                var channel = $"19:bench-{i}@thread.tacv2";
                db.DigestSubscriptions.Add(new DigestSubscription(teams[i], channel, slot, "America/Bogota", "es", null, now.AddDays(-1)));
                db.ConversationReferences.Add(new StoredConversationReference
                {
                    ConversationId = channel,
                    ChannelId = "msteams",
                    ServiceUrl = connector.ServiceUrl,
                    ConversationType = "channel",
                    TenantId = "bench-tenant",
                    BotId = "28:bench-bot",
                    BotName = "SalesBot",
                    TeamsChannelId = channel,
                    UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
        }
        // Starting the host starts the outbox engine and the digest scheduler, whose first round builds and queues them all.
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await host.StartAsync(ct);
        TimeSpan? queued = null;
        while (connector.Distinct < teams.Count && watch.Elapsed < TimeSpan.FromMinutes(4))
        {
            if (queued is null)
            {
                await using var scope = services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().JobRuns.CountAsync(r => r.Job.StartsWith("digest:"), ct) >= teams.Count)
                    queued = watch.Elapsed;
            }
            await Task.Delay(50, ct);
        }
        var allIn = watch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3), ct); // a late duplicate would show up here
        await host.StopAsync(ct);
        var firstAt = connector.Arrivals.Any() ? connector.Arrivals.Min() : (DateTime?)null;
        await output.WriteLineAsync(string.Create(Inv,
            $"== all {teams.Count} digests built and queued {queued?.TotalSeconds ?? double.NaN:F1} s after start, the hour {(hour - started).TotalSeconds:F1} s after start; first post {(firstAt - hour.UtcDateTime)?.TotalSeconds ?? double.NaN:F1} s after the hour"));
        var arrivals = connector.Arrivals.Order().ToList();
        var span = arrivals.Count > 1 ? (arrivals[^1] - arrivals[0]).TotalSeconds : 0;
        var rate = span > 0 ? (arrivals.Count - 1) / span : 0;
        // The pacer allows the budget in any one second (a sliding window), so N posts at full budget
        // take N / budget - 1 seconds from the first to the last (25 at 0 s, 25 at 1 s, ...): the share
        // of the budget used is that least span over the span measured.
        var least = arrivals.Count / (double)Budget - 1;
        var busiest = arrivals.Count == 0 ? 0 : arrivals.Max(a => arrivals.Count(b => b >= a && b < a.AddSeconds(1)));
        await output.WriteLineAsync(string.Create(Inv,
            $"== delivered {connector.Distinct} of {teams.Count} digests ({connector.Total} posts, {connector.Total - connector.Distinct} duplicated, {teams.Count - connector.Distinct} lost) in {allIn.TotalSeconds:F1} s from start; first to last post {span:F1} s ({rate:F1} posts/s), the least the budget of {Budget}/s allows {least:F1} s: {(span > 0 ? Math.Min(least / span, 1) * 100 : 0):F0} % of the budget used; busiest second {busiest} posts"));
    }

    private static async Task<(TimeSpan Total, List<double> Each)> BuildAllAsync(IServiceProvider services, List<Guid> teams, DateTimeOffset at, CancellationToken ct)
    {
        // As the scheduler builds them: DigestScheduler.BuildConcurrency at once, each in its own scope.
        var total = Stopwatch.StartNew();
        var each = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(teams, new ParallelOptions { MaxDegreeOfParallelism = DigestScheduler.BuildConcurrency, CancellationToken = ct }, async (team, token) =>
        {
            var one = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            _ = await scope.ServiceProvider.GetRequiredService<BuildWeeklyDigest>().ExecuteAsync(team, at, token)
                ?? throw new InvalidOperationException($"team {team} has no digest");
            each.Add(one.Elapsed.TotalMilliseconds);
        });
        return (total.Elapsed, each.ToList());
    }

    /// <summary>A Bot Connector stand-in on loopback that accepts every post and counts them per conversation.</summary>
    private sealed class CountingConnector : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _posts = new();
        private readonly ConcurrentQueue<DateTime> _arrivals = new();
        private readonly Task _loop;
        private int _id;

        private CountingConnector(int port)
        {
            ServiceUrl = string.Create(Inv, $"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(ServiceUrl);
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public string ServiceUrl { get; }
        public int Distinct => _posts.Count;
        public int Total => _posts.Values.Sum();
        public IEnumerable<DateTime> Arrivals => _arrivals;

        public static CountingConnector Start()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new CountingConnector(port);
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                _ = Task.Run(async () =>
                {
                    using var reader = new StreamReader(context.Request.InputStream);
                    var body = await reader.ReadToEndAsync();
                    var conversation = JsonNode.Parse(body)?["conversation"]?["id"]?.GetValue<string>() ?? "?";
                    _posts.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                    _arrivals.Enqueue(DateTime.UtcNow);
                    var answer = Encoding.UTF8.GetBytes(string.Create(Inv, $"{{\"id\":\"m-{Interlocked.Increment(ref _id)}\"}}"));
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(answer);
                    context.Response.Close();
                });
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _loop;
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
            }
        }
    }
}
