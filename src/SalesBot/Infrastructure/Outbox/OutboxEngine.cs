using System.Collections.Concurrent;
using System.Threading.Channels;
using SalesBot.Teams.Connector;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox rows through their <see cref="IOutboxOperationHandler"/>: at once for rows this
/// instance just committed, and by polling for anything left behind (retries waiting for their
/// time, rows of a crashed process or another instance). Each lane leaves in the order it was
/// written, even across turns and retries. A delivered row is deleted; a row refused for good, or
/// that keeps failing, is marked failed and kept for inspection. Every write after a claim is
/// fenced by its token (<see cref="OutboxStore"/>), and the claim is kept while the delivery runs
/// (<see cref="ClaimKeeper"/>): a message is not sent by two deliveries at once.
/// </summary>
public sealed class OutboxEngine(
    OutboxQueue queue,
    OutboxStore store,
    SendPacer pacer,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxEngine> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly OutboxLanes _lanes = new();
    private readonly SemaphoreSlim _slots = new(options.Value.MaxParallelDeliveries);
    // Rows this process holds, from claim (or hand-off) until written back or deleted: the poller leaves them alone.
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly Channel<(long Id, Guid Token)> _delivered = Channel.CreateUnbounded<(long, Guid)>();
    private CancellationToken _stopping;

    private static readonly TimeSpan DeleteCoalescing = TimeSpan.FromMilliseconds(25);
    private const string WaitingBehind = "waiting behind an earlier message of the lane";

    private enum Outcome { Delivered, Rescheduled, Failed }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var cleanup = Task.Run(DeleteDeliveredAsync, CancellationToken.None);
        var poller = Task.Run(() => PollAsync(stoppingToken), CancellationToken.None);
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(stoppingToken)) Take(batch);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await poller;
        await _lanes.IdleAsync();
        // Deletes of what was delivered must not be lost on shutdown, or it would be sent again.
        _delivered.Writer.TryComplete();
        await cleanup;
    }

    /// <summary>Queues claimed rows on their lanes.</summary>
    private void Take(IReadOnlyList<OutboxMessage> claimed)
    {
        foreach (var m in claimed) _inFlight.TryAdd(m.Id, 0);
        foreach (var lane in claimed.GroupBy(m => m.Lane))
        {
            var rows = lane.ToList();
            _lanes.Schedule(lane.Key, () => RunLaneAsync(lane.Key, rows));
        }
    }

    private async Task RunLaneAsync(string lane, List<OutboxMessage> rows)
    {
        try
        {
            await _slots.WaitAsync(_stopping);
        }
        catch (OperationCanceledException)
        {
            Forget(rows); // shutting down: the rows stay claimed until it lapses, then any instance takes them
            return;
        }
        try
        {
            await DeliverInOrderAsync(lane, rows);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            Forget(rows);
        }
        catch (Exception e)
        {
            Forget(rows);
            logger.LogError(e, "Outbox lane {Lane} failed; its rows will be picked up again", lane);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task DeliverInOrderAsync(string lane, List<OutboxMessage> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var message = rows[i];
            var held = _lanes.HeldUntil(lane);
            if (held > clock.GetUtcNow())
            {
                await ReleaseAsync(rows.Skip(i).ToList(), held);
                return;
            }
            // Waited long for a slot: renew first, and leave the rest of the lane if the row was taken meanwhile.
            if (message.ClaimedUntil - clock.GetUtcNow() < _options.ClaimDuration / 2 && !await store.RenewAsync(message, _stopping))
            {
                Forget(rows.Skip(i));
                return;
            }
            var (outcome, retryAt) = await DeliverAsync(message);
            if (outcome == Outcome.Rescheduled)
            {
                _lanes.Hold(lane, retryAt);
                await ReleaseAsync(rows.Skip(i + 1).ToList(), retryAt);
                return;
            }
            if (outcome == Outcome.Delivered) _lanes.Free(lane);
        }
    }

    private async Task<(Outcome, DateTimeOffset)> DeliverAsync(OutboxMessage message)
    {
        using var claim = new ClaimKeeper(message, store, clock, _options.ClaimDuration, _stopping);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetKeyedService<IOutboxOperationHandler>(message.Operation)
                ?? throw new InvalidDataException($"No handler for outbox operation {message.Operation}");
            // A reply answers the turn that asked for it; what the bot sends on its own waits its turn in the tenant's budget.
            using (message.Operation is OutboxOperation.Send or OutboxOperation.Update or OutboxOperation.CreatePersonalChat ? await pacer.WaitTurnAsync(claim.Token) : null)
                await handler.DeliverAsync(message, claim.Token);
            _delivered.Writer.TryWrite((message.Id, message.ClaimToken!.Value));
            return (Outcome.Delivered, default);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (claim.Lost)
        {
            // Another attempt, by whoever holds the row next; if someone already does, this writes nothing.
            return await RetryAsync(message, new TimeoutException("the delivery outlived its claim", e));
        }
        catch (Exception e) when (DeliveryFailures.IsPermanent(e))
        {
            logger.LogError("Outbox message {MessageId} ({CorrelationId}) refused for good: {Error}", message.Id, message.CorrelationId, e.Message);
            await FailAsync(message, DeliveryFailures.Describe(e));
            return (Outcome.Failed, default);
        }
        catch (Exception e)
        {
            // Throttling, outages, timeouts, token problems (an expired secret can be renewed): later.
            return await RetryAsync(message, e);
        }
    }

    private async Task<(Outcome, DateTimeOffset)> RetryAsync(OutboxMessage message, Exception e)
    {
        var attempts = message.Attempts + 1;
        if (attempts >= _options.MaxAttempts)
        {
            logger.LogError("Outbox message {MessageId} ({CorrelationId}) failed {Attempts} times; giving up: {Error}",
                message.Id, message.CorrelationId, attempts, e.Message);
            await FailAsync(message, $"gave up after {attempts} attempts: {DeliveryFailures.Describe(e)}");
            return (Outcome.Failed, default);
        }
        if (e is ConnectorException { StatusCode: System.Net.HttpStatusCode.TooManyRequests } throttled) pacer.Throttled(message.Lane, throttled.RetryAfter);
        var retryAt = clock.GetUtcNow() + DeliveryFailures.Backoff(attempts, _options.MaxBackoff, (e as ConnectorException)?.RetryAfter ?? (e as OutboxDeliveryException)?.RetryAfter);
        logger.LogWarning("Outbox message {MessageId} ({CorrelationId}) will be retried at {RetryAt}: {Error}",
            message.Id, message.CorrelationId, retryAt, e.Message);
        await store.RetryLaterAsync(message, attempts, retryAt, DeliveryFailures.Describe(e), _stopping);
        Forget([message]);
        return (Outcome.Rescheduled, retryAt);
    }

    private async Task FailAsync(OutboxMessage message, string error)
    {
        var ours = await store.FailAsync(message, message.Attempts + 1, error, _stopping);
        Forget([message]);
        if (!ours) return;
        try
        {
            // Someone may be waiting for this work (e.g. an Outlook event): they must hear it will not happen.
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetKeyedService<IOutboxOperationHandler>(message.Operation) is { } handler)
                await handler.FailedAsync(message, error, _stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Outbox message {MessageId}: could not report its failure", message.Id);
        }
    }

    private async Task ReleaseAsync(List<OutboxMessage> rows, DateTimeOffset at)
    {
        await store.ReleaseAsync(rows, at, WaitingBehind, _stopping);
        Forget(rows);
    }

    private void Forget(IEnumerable<OutboxMessage> rows)
    {
        foreach (var m in rows) _inFlight.TryRemove(m.Id, out _);
    }

    private async Task PollAsync(CancellationToken ct)
    {
        // Paced by wall time, whatever clock decides what is due: a clock set a month ahead (a test's, or
        // an NTP step) must not replay one round per interval it skipped.
        using var timer = new PeriodicTimer(_options.PollInterval);
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

    /// <summary>Claims due rows nobody holds (and this process is not delivering) and queues them on their lanes.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var claimed = await store.ClaimDueAsync(_inFlight.ContainsKey, ct);
        Take(claimed);
        return claimed.Count;
    }

    /// <summary>Every lane scheduled so far, finished (tests).</summary>
    internal Task IdleAsync() => _lanes.IdleAsync();

    private async Task DeleteDeliveredAsync()
    {
        var batch = new List<(long Id, Guid Token)>();
        while (await _delivered.Reader.WaitToReadAsync())
        {
            // A short pause lets deliveries pile up, so one write removes many rows instead of
            // each delivery paying for its own transaction.
            // Wall-clock time on purpose: batching is about this process's load, not business time.
            await Task.Delay(DeleteCoalescing);
            while (batch.Count < 500 && _delivered.Reader.TryRead(out var row)) batch.Add(row);
            for (var attempt = 1; batch.Count > 0; attempt++)
            {
                try
                {
                    await store.DeleteDeliveredAsync(batch, CancellationToken.None);
                    foreach (var (id, _) in batch) _inFlight.TryRemove(id, out _);
                    batch.Clear();
                }
                catch (Exception e)
                {
                    // Not deleting only risks a duplicate once the claim lapses; keep trying.
                    logger.LogWarning(e, "Could not remove {Count} delivered outbox rows (attempt {Attempt})", batch.Count, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)));
                }
            }
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
}
