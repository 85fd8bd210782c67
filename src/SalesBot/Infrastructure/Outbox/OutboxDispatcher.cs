using System.Net;
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
/// and by polling for anything left behind (failed attempts waiting for their retry time, rows of
/// a crashed process). Messages of one conversation go out in order. A delivered row is deleted;
/// a row that keeps failing is marked failed after <see cref="OutboxOptions.MaxAttempts"/>.
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
    private SemaphoreSlim? _slots;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _slots = new SemaphoreSlim(_options.MaxParallelDeliveries);
        var cleanup = Task.Run(() => DeleteDeliveredAsync(stoppingToken), stoppingToken);
        var poller = Task.Run(() => PollAsync(stoppingToken), stoppingToken);
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await _slots.WaitAsync(stoppingToken);
                _ = DeliverInOrderAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(cleanup, poller).ContinueWith(_ => { }, CancellationToken.None);
    }

    private async Task DeliverInOrderAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken ct)
    {
        try
        {
            foreach (var message in batch)
            {
                // After a failure, later messages of the same batch wait too, so the user never
                // sees them out of order; they are all rescheduled.
                if (!await DeliverAsync(message, ct))
                {
                    foreach (var rest in batch.SkipWhile(m => m != message).Skip(1))
                        await RescheduleAsync(rest, null, "an earlier message of the turn failed", ct);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Outbox delivery loop failed");
        }
        finally
        {
            _slots!.Release();
        }
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            var activity = string.IsNullOrEmpty(message.PayloadJson)
                ? null
                : JsonSerializer.Deserialize<Activity>(message.PayloadJson, ActivityJson.Options);
            switch (message.Operation)
            {
                case OutboxOperation.Reply:
                    await connector.ReplyToActivityAsync(message.ServiceUrl, message.ConversationId, message.ActivityId!, activity!, ct);
                    break;
                case OutboxOperation.Send:
                    await connector.SendToConversationAsync(message.ServiceUrl, message.ConversationId, activity!, ct);
                    break;
                case OutboxOperation.Update:
                    await connector.UpdateActivityAsync(message.ServiceUrl, message.ConversationId, message.ActivityId!, activity!, ct);
                    break;
                case OutboxOperation.Delete:
                    await connector.DeleteActivityAsync(message.ServiceUrl, message.ConversationId, message.ActivityId!, ct);
                    break;
            }
            _delivered.Writer.TryWrite(message.Id);
            return true;
        }
        catch (ConnectorException e) when (!e.IsTransient)
        {
            logger.LogError("Outbox message {MessageId} ({CorrelationId}) refused for good: {Status}",
                message.Id, message.CorrelationId, (int)e.StatusCode);
            await MarkFailedAsync(message, $"{(int)e.StatusCode}: {Truncate(e.ResponseBody)}", ct);
            return false;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var retryAfter = (e as ConnectorException)?.RetryAfter;
            logger.LogWarning("Outbox message {MessageId} ({CorrelationId}) will be retried: {Error}",
                message.Id, message.CorrelationId, e.Message);
            await RescheduleAsync(message, retryAfter, e.Message, ct);
            return false;
        }
    }

    private async Task RescheduleAsync(OutboxMessage message, TimeSpan? retryAfter, string error, CancellationToken ct)
    {
        var attempts = message.Attempts + 1;
        if (attempts >= _options.MaxAttempts)
        {
            await MarkFailedAsync(message, $"gave up after {attempts} attempts: {error}", ct);
            return;
        }
        var backoff = TimeSpan.FromSeconds(Math.Min(_options.MaxBackoff.TotalSeconds, Math.Pow(2, attempts)));
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
        var wait = retryAfter is { } ra && ra > backoff ? ra : backoff + jitter;
        var next = clock.GetUtcNow() + wait;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, Truncate(error)), ct);
    }

    private async Task MarkFailedAsync(OutboxMessage message, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.FailedAt, now)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, Truncate(error)), ct);
    }

    /// <summary>Finds due rows nobody holds, claims each atomically, and delivers them per conversation in order.</summary>
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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Take(200)
            .ToListAsync(ct);
        var claimed = new List<OutboxMessage>();
        var until = now + _options.ClaimDuration;
        foreach (var m in due)
        {
            var won = await db.Outbox
                .Where(x => x.Id == m.Id && x.FailedAt == null && (x.LockedUntil == null || x.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LockedUntil, until), ct);
            if (won == 1) claimed.Add(m);
        }
        foreach (var conversation in claimed.GroupBy(m => (m.ServiceUrl, m.ConversationId)))
        {
            await _slots!.WaitAsync(ct);
            _ = DeliverInOrderAsync(conversation.ToList(), ct);
        }
        return claimed.Count;
    }

    private async Task DeleteDeliveredAsync(CancellationToken ct)
    {
        var batch = new List<long>();
        try
        {
            while (await _delivered.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < 500 && _delivered.Reader.TryRead(out var id)) batch.Add(id);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
                    await db.Outbox.Where(m => batch.Contains(m.Id)).ExecuteDeleteAsync(ct);
                    batch.Clear();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not deleting only risks a duplicate after the claim expires; keep trying.
                    logger.LogWarning(e, "Could not remove {Count} delivered outbox rows", batch.Count);
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
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

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
