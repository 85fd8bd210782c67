using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesBot.Infrastructure.Data;
using SalesBot.Teams.Connector;
using SalesBot.Teams.Schema;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox rows through the Bot Connector: at once for rows this instance just committed,
/// and by polling for anything left behind (retries waiting for their time, rows of a crashed
/// process or another instance). Each conversation has one lane, so its messages leave in the
/// order they were written, even across turns and retries. A delivered row is deleted; a row the
/// connector refuses for good, or that keeps failing, is marked failed and kept for inspection.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxQueue queue,
    IServiceScopeFactory scopes,
    ConnectorClient connector,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly Channel<long> _delivered = Channel.CreateUnbounded<long>();
    private readonly SemaphoreSlim _slots = new(options.Value.MaxParallelDeliveries);
    private readonly object _lock = new();
    private readonly Dictionary<string, Task> _lanes = [];
    // A conversation whose earlier message waits for a retry: later ones wait behind it.
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = [];

    private static readonly TimeSpan DeleteCoalescing = TimeSpan.FromMilliseconds(25);

    private enum Outcome { Delivered, Rescheduled, Failed }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cleanup = Task.Run(DeleteDeliveredAsync, CancellationToken.None);
        var poller = Task.Run(() => PollAsync(stoppingToken), CancellationToken.None);
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(stoppingToken))
                foreach (var conversation in batch.GroupBy(LaneKey)) Schedule(conversation.Key, conversation.ToList(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await poller;
        Task[] inFlight;
        lock (_lock) inFlight = [.. _lanes.Values];
        await Task.WhenAll(inFlight);
        // Deletes of what was delivered must not be lost on shutdown, or it would be sent again.
        _delivered.Writer.TryComplete();
        await cleanup;
    }

    private static string LaneKey(OutboxMessage m) => m.ServiceUrl + "|" + m.ConversationId;

    /// <summary>Queues messages of one conversation behind whatever that conversation is already sending.</summary>
    private void Schedule(string lane, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        lock (_lock)
        {
            var previous = _lanes.GetValueOrDefault(lane) ?? Task.CompletedTask;
            Task next = null!;
            next = RunAfterAsync(previous, lane, messages, ct).ContinueWith(_ =>
            {
                lock (_lock)
                {
                    if (_lanes.TryGetValue(lane, out var current) && current == next) _lanes.Remove(lane);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _lanes[lane] = next;
        }
    }

    private async Task RunAfterAsync(Task previous, string lane, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await _slots.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return; // shutting down: the rows stay claimed until it expires, then any instance takes them
        }
        try
        {
            await DeliverInOrderAsync(lane, messages, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Outbox lane {Lane} failed; its rows will be picked up again", lane);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task DeliverInOrderAsync(string lane, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var now = clock.GetUtcNow();
            DateTimeOffset heldUntil;
            lock (_lock) heldUntil = _heldUntil.GetValueOrDefault(lane);
            if (heldUntil > now)
            {
                await RescheduleAsync(messages.Skip(i), heldUntil, "waiting behind an earlier message of the conversation", ct);
                return;
            }
            // Our claim is about to lapse (we waited long for a slot): another poll may take the row,
            // and sending it here too would duplicate it. Leave it, and what follows, to the poller.
            if (message.LockedUntil is not { } claim || claim - now < _options.ClaimDuration / 4) return;

            var (outcome, retryAt) = await DeliverAsync(message, ct);
            if (outcome == Outcome.Rescheduled)
            {
                lock (_lock) _heldUntil[lane] = retryAt;
                await RescheduleAsync(messages.Skip(i + 1), retryAt, "waiting behind an earlier message of the conversation", ct);
                return;
            }
            if (outcome == Outcome.Delivered)
            {
                lock (_lock) _heldUntil.Remove(lane);
            }
        }
    }

    private async Task<(Outcome, DateTimeOffset)> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await SendAsync(message, ct);
            _delivered.Writer.TryWrite(message.Id);
            return (Outcome.Delivered, default);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsPermanent(e))
        {
            logger.LogError("Outbox message {MessageId} ({CorrelationId}) refused for good: {Error}", message.Id, message.CorrelationId, e.Message);
            await MarkFailedAsync(message, Describe(e), ct);
            return (Outcome.Failed, default);
        }
        catch (Exception e)
        {
            // Throttling, outages, timeouts, token problems (an expired secret can be renewed): later.
            var attempts = message.Attempts + 1;
            if (attempts >= _options.MaxAttempts)
            {
                logger.LogError("Outbox message {MessageId} ({CorrelationId}) failed {Attempts} times; giving up: {Error}",
                    message.Id, message.CorrelationId, attempts, e.Message);
                await MarkFailedAsync(message, $"gave up after {attempts} attempts: {Describe(e)}", ct);
                return (Outcome.Failed, default);
            }
            var retryAt = clock.GetUtcNow() + Backoff(attempts, (e as ConnectorException)?.RetryAfter ?? (e as OutboxDeliveryException)?.RetryAfter);
            logger.LogWarning("Outbox message {MessageId} ({CorrelationId}) will be retried at {RetryAt}: {Error}",
                message.Id, message.CorrelationId, retryAt, e.Message);
            await WriteAsync(db => db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, Truncate(Describe(e))), ct), ct);
            return (Outcome.Rescheduled, retryAt);
        }
    }

    /// <summary>The stored JSON goes out as written: no need to parse and re-serialise it.</summary>
    private async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Operation >= OutboxOperation.CalendarSync)
        {
            await using var scope = scopes.CreateAsyncScope();
            await Handler(scope.ServiceProvider, message).DeliverAsync(message, ct);
            return;
        }
        var sent = await SendToConnectorAsync(message, ct);
        if (message.TrackingKey is { } key && message.Operation is OutboxOperation.Send or OutboxOperation.Reply or OutboxOperation.CreatePersonalChat
            && sent?.Id is { Length: > 0 } id)
        {
            // Where the card landed, for updating every copy later. Lost only if this write fails
            // after delivery; the card's refresh still brings it up to date when opened.
            var card = new SentCard { Key = key, ServiceUrl = message.ServiceUrl, ConversationId = message.ConversationId, ActivityId = id, SentAt = clock.GetUtcNow() };
            try
            {
                // SaveChanges takes the SQLite write gate itself.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
                // One copy per conversation: a newer card there (a reminder) replaces the older one,
                // whose own refresh still brings it up to date when opened.
                db.SentCards.RemoveRange(await db.SentCards.Where(c => c.Key == key && c.ConversationId == card.ConversationId).ToListAsync(ct));
                db.SentCards.Add(card);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The message was delivered: failing here must not send it again.
                logger.LogWarning(e, "Outbox message {MessageId} delivered, but where it landed was not recorded", message.Id);
            }
        }
    }

    private static IOutboxOperationHandler Handler(IServiceProvider sp, OutboxMessage message) =>
        sp.GetServices<IOutboxOperationHandler>().FirstOrDefault(h => h.Operation == message.Operation)
            ?? throw new InvalidDataException($"No handler for outbox operation {message.Operation}");

    private async Task<ResourceResponse?> SendToConnectorAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Operation != OutboxOperation.Delete && string.IsNullOrEmpty(message.PayloadJson))
            throw new InvalidDataException($"Outbox message {message.Id} has no activity to send");
        if (message.Operation is OutboxOperation.Reply or OutboxOperation.Update && string.IsNullOrEmpty(message.ActivityId))
            throw new InvalidDataException($"Outbox message {message.Id} needs the id of the activity to {message.Operation}");
        switch (message.Operation)
        {
            case OutboxOperation.Reply:
                return await connector.SendJsonAsync(message.ServiceUrl, message.ConversationId, message.ActivityId, message.PayloadJson, update: false, ct);
            case OutboxOperation.Send:
                return await connector.SendJsonAsync(message.ServiceUrl, message.ConversationId, null, message.PayloadJson, update: false, ct);
            case OutboxOperation.Update:
                return await connector.SendJsonAsync(message.ServiceUrl, message.ConversationId, message.ActivityId, message.PayloadJson, update: true, ct);
            case OutboxOperation.Delete:
                await connector.DeleteActivityAsync(message.ServiceUrl, message.ConversationId, message.ActivityId!, ct);
                return null;
            case OutboxOperation.CreatePersonalChat:
                return await CreatePersonalChatAndSendAsync(message, ct);
            default:
                throw new InvalidDataException($"Unknown outbox operation {message.Operation}");
        }
    }

    /// <summary>
    /// Teams' "create or get" of a 1:1 chat: the member's 29: id from the shared conversation's
    /// roster, then the conversation, then the message. Repeating it after a failure finds the
    /// same chat, so a retry is safe.
    /// </summary>
    private async Task<ResourceResponse?> CreatePersonalChatAndSendAsync(OutboxMessage message, CancellationToken ct)
    {
        var activity = JsonSerializer.Deserialize<Activity>(message.PayloadJson, ActivityJson.Options)
            ?? throw new InvalidDataException($"Outbox message {message.Id} has no activity to send");
        var member = await connector.GetConversationMemberAsync(message.ServiceUrl, message.ConversationId, message.ActivityId!, ct);
        var tenant = activity.Conversation?.TenantId;
        var created = await connector.CreateConversationAsync(message.ServiceUrl, new ConversationParameters
        {
            Bot = activity.From,
            Members = [new ChannelAccount { Id = member.Id }],
            TenantId = tenant,
            ChannelData = tenant is null ? null : new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenant } },
        }, ct);
        var chatId = created.Id ?? throw new InvalidDataException("Teams created no conversation id");
        activity.Conversation = new ConversationAccount { Id = chatId, ConversationType = "personal", TenantId = tenant };
        activity.Recipient = new ChannelAccount { Id = member.Id, AadObjectId = message.ActivityId };
        var sent = await connector.SendToConversationAsync(message.ServiceUrl, chatId, activity, ct);
        // Recorded under the new chat, so updates of this card reach it.
        message.ConversationId = chatId;
        return sent;
    }

    /// <summary>Errors that another attempt cannot fix: a refusal by the connector, or a row that cannot be sent as written.</summary>
    private static bool IsPermanent(Exception e) => e switch
    {
        ConnectorException c => !c.IsTransient,
        OutboxDeliveryException d => d.Permanent,
        UntrustedServiceUrlException or JsonException or InvalidDataException or UriFormatException or NullReferenceException => true,
        _ => false,
    };

    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(_options.MaxBackoff.TotalSeconds, Math.Pow(2, attempts)))
            + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
        return retryAfter is { } asked && asked > exponential ? asked : exponential;
    }

    private async Task RescheduleAsync(IEnumerable<OutboxMessage> messages, DateTimeOffset at, string why, CancellationToken ct)
    {
        var ids = messages.Select(m => m.Id).ToList();
        if (ids.Count == 0) return;
        // Same time for all: the poller then takes them in id order, so the order is kept.
        await WriteAsync(db => db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.NextAttemptAt, at)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, why), ct), ct);
    }

    private async Task MarkFailedAsync(OutboxMessage message, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await WriteAsync(db => db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.FailedAt, now)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, Truncate(error)), ct), ct);
        if (message.Operation < OutboxOperation.CalendarSync) return;
        try
        {
            // Someone is waiting for this work (e.g. an Outlook event): they must hear it will not happen.
            await using var scope = scopes.CreateAsyncScope();
            await Handler(scope.ServiceProvider, message).FailedAsync(message, error, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Outbox message {MessageId}: could not report its failure", message.Id);
        }
    }

    /// <summary>Finds due rows nobody holds, claims each atomically, and queues them on their conversation's lane.</summary>
    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, clock);
        do
        {
            try
            {
                await PollOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox poll failed; will try again");
            }
        } while (await WaitAsync(timer, ct));
    }

    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<OutboxMessage> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().Outbox.AsNoTracking()
                .Where(m => m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.Id)
                .Take(200)
                .ToListAsync(ct);
        }
        var until = now + _options.ClaimDuration;
        var claimed = new List<OutboxMessage>();
        foreach (var m in due)
        {
            // Claimed one by one with a conditional update: another instance may be polling too.
            var won = await WriteAsync(db => db.Outbox
                .Where(x => x.Id == m.Id && x.FailedAt == null && (x.LockedUntil == null || x.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LockedUntil, until), ct), ct);
            if (won != 1) continue;
            m.LockedUntil = until;
            claimed.Add(m);
        }
        foreach (var conversation in claimed.GroupBy(LaneKey)) Schedule(conversation.Key, conversation.ToList(), ct);
        return claimed.Count;
    }

    private async Task DeleteDeliveredAsync()
    {
        var batch = new List<long>();
        while (await _delivered.Reader.WaitToReadAsync())
        {
            // A short pause lets deliveries pile up, so one write removes many rows instead of
            // each delivery paying for its own transaction.
            // Wall-clock time on purpose: batching is about this process's load, not business time.
            await Task.Delay(DeleteCoalescing);
            while (batch.Count < 500 && _delivered.Reader.TryRead(out var id)) batch.Add(id);
            for (var attempt = 1; batch.Count > 0; attempt++)
            {
                try
                {
                    await WriteAsync(db => db.Outbox.Where(m => batch.Contains(m.Id)).ExecuteDeleteAsync(), CancellationToken.None);
                    batch.Clear();
                }
                catch (Exception e)
                {
                    // Not deleting only risks a duplicate once the claim expires; keep trying.
                    logger.LogWarning(e, "Could not remove {Count} delivered outbox rows (attempt {Attempt})", batch.Count, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)));
                }
            }
        }
    }

    /// <summary>A set-based write outside SaveChanges, queued behind this process's other SQLite writes.</summary>
    private async Task<int> WriteAsync(Func<SalesBotDbContext, Task<int>> write, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        using var held = await SqliteWriteGate.EnterIfSqliteAsync(scope.ServiceProvider, ct);
        return await write(db);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        ConnectorException c => $"{(int)c.StatusCode}: {c.ResponseBody}",
        OutboxDeliveryException d => d.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
