// The floor of a durable bot: the least any bot can do per Teams message and still keep the
// guarantees SalesBot keeps (issue 17), measured beside SalesBot and the echo bot by bench/run.sh
// (FLOOR=1). It is a yardstick, not a product: it answers every message with "Echo: <text>".
//
// What it keeps, as SalesBot does:
// - a retried activity is processed once: its key goes into a table with a unique key;
// - the reply is durable before it leaves: an outbox row committed together with that key, in
//   WAL mode with synchronous=FULL (fsync on every commit);
// - concurrent turns share one commit (group commit), and no reply leaves before its commit;
// - the reply is posted to the connector after the commit, and its outbox row is deleted once
//   delivered.
// What it leaves out, which SalesBot does on every turn: EF Core, the person and language lookups,
// the stored conversation reference, the localised card, logging scopes, audit. Its statements are
// prepared once on one writer connection, and delivered rows are deleted in the next group's
// transaction rather than in one of their own.
//
//   dotnet run -c Release --project bench/floor -- --urls http://127.0.0.1:3979 --db /tmp/floor.db
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var path = builder.Configuration["db"] ?? Path.Combine(Path.GetTempPath(), $"floor-{Environment.ProcessId}.db");
await using var store = FloorStore.Open(path);
var app = builder.Build();
var connector = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

app.MapPost("/api/messages", async (HttpRequest request) =>
{
    JsonDocument document;
    try
    {
        document = await JsonDocument.ParseAsync(request.Body);
    }
    catch (JsonException)
    {
        return Results.BadRequest();
    }
    using (document)
    {
        var inbound = document.RootElement;
        if (inbound.ValueKind != JsonValueKind.Object
            || Text(inbound, "id") is not { Length: > 0 } activityId
            || Text(inbound, "serviceUrl") is not { Length: > 0 } serviceUrl
            || !inbound.TryGetProperty("conversation", out var conversation)
            || Text(conversation, "id") is not { Length: > 0 } conversationId)
        {
            return Results.BadRequest();
        }
        if (Text(inbound, "type") != "message") return Results.Ok();

        var reply = Reply(inbound, activityId, conversationId);
        var outboxId = await store.CommitAsync($"{Text(inbound, "channelId")}|{conversationId}|{activityId}", reply);
        if (outboxId is { } id)
        {
            var url = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
            _ = DeliverAsync(url, reply, id);
        }
        return Results.Ok();
    }
});

await app.RunAsync();

async Task DeliverAsync(string url, byte[] reply, long outboxId)
{
    try
    {
        using var content = new ByteArrayContent(reply);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        using var response = await connector.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        store.Delivered(outboxId);
    }
    catch (Exception e)
    {
        // A real bot retries from the outbox; the floor only says so (the row stays).
        Console.Error.WriteLine($"delivery of outbox row {outboxId} failed: {e.Message}");
    }
}

static string? Text(JsonElement element, string name) =>
    element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

static byte[] Reply(JsonElement inbound, string activityId, string conversationId)
{
    var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        writer.WriteString("type", "message");
        writer.WriteString("text", "Echo: " + Text(inbound, "text"));
        writer.WriteString("replyToId", activityId);
        writer.WriteString("channelId", Text(inbound, "channelId"));
        writer.WriteStartObject("conversation");
        writer.WriteString("id", conversationId);
        writer.WriteEndObject();
        // The reply comes from the bot (the inbound recipient) to the sender.
        if (inbound.TryGetProperty("recipient", out var bot)) { writer.WritePropertyName("from"); bot.WriteTo(writer); }
        if (inbound.TryGetProperty("from", out var user)) { writer.WritePropertyName("recipient"); user.WriteTo(writer); }
        writer.WriteEndObject();
    }
    return buffer.WrittenSpan.ToArray();
}

/// <summary>
/// One writer connection and its prepared statements. Turns queue here; each group of up to 64
/// is one transaction: the processed keys, the outbox rows, the deletes of what was delivered
/// since the last group, one COMMIT.
/// </summary>
sealed class FloorStore : IAsyncDisposable
{
    private const int MaxGroup = 64;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _mark;
    private readonly SqliteCommand _enqueue;
    private readonly SqliteCommand _delete;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<long> _delivered = new();
    private readonly Task _loop;

    private sealed record Pending(string Key, byte[] Payload, TaskCompletionSource<long?> Done);

    private FloorStore(SqliteConnection connection)
    {
        _connection = connection;
        _mark = Prepare("INSERT INTO processed (key, at) VALUES ($key, $at) ON CONFLICT DO NOTHING", "$key", "$at");
        _enqueue = Prepare("INSERT INTO outbox (payload, created) VALUES ($payload, $at) RETURNING id", "$payload", "$at");
        _delete = Prepare("DELETE FROM outbox WHERE id = $id", "$id");
        _loop = Task.Run(RunAsync);
    }

    public static FloorStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var setup = connection.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS processed (key TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, payload BLOB NOT NULL, created INTEGER NOT NULL);
            """;
        setup.ExecuteNonQuery();
        return new FloorStore(connection);
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    /// <summary>The outbox row's id once committed; null when the key was processed before.</summary>
    public Task<long?> CommitAsync(string key, byte[] payload)
    {
        var pending = new Pending(key, payload, new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(FloorStore));
        return pending.Done.Task;
    }

    public void Delivered(long outboxId) => _delivered.Enqueue(outboxId);

    private async Task RunAsync()
    {
        var group = new List<Pending>(MaxGroup);
        var results = new long?[MaxGroup];
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
            try
            {
                using var transaction = _connection.BeginTransaction();
                _mark.Transaction = _enqueue.Transaction = _delete.Transaction = transaction;
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                while (_delivered.TryDequeue(out var id))
                {
                    _delete.Parameters[0].Value = id;
                    _delete.ExecuteNonQuery();
                }
                for (var i = 0; i < group.Count; i++)
                {
                    _mark.Parameters[0].Value = group[i].Key;
                    _mark.Parameters[1].Value = now;
                    if (_mark.ExecuteNonQuery() == 0)
                    {
                        results[i] = null;
                        continue;
                    }
                    _enqueue.Parameters[0].Value = group[i].Payload;
                    _enqueue.Parameters[1].Value = now;
                    results[i] = (long)_enqueue.ExecuteScalar()!;
                }
                transaction.Commit();
                for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
            }
            catch (Exception e)
            {
                // Nothing of the group was kept. (Deletes taken for it are dropped: their rows stay,
                // which costs a real bot a duplicate send and the floor nothing.)
                foreach (var p in group) p.Done.TrySetException(e);
            }
            group.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _mark.Dispose();
        _enqueue.Dispose();
        _delete.Dispose();
        await _connection.DisposeAsync();
    }
}
