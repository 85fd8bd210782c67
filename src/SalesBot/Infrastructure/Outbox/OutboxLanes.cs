namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// One ordered lane per conversation (or piece of work): a batch runs after whatever its lane is
/// already running, and a lane whose earlier row waits for a retry holds the later ones back.
/// </summary>
internal sealed class OutboxLanes
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Task> _running = [];
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = [];

    public void Schedule(string lane, Func<Task> run)
    {
        lock (_lock)
        {
            var previous = _running.GetValueOrDefault(lane) ?? Task.CompletedTask;
            Task next = null!;
            next = AfterAsync(previous, run).ContinueWith(_ =>
            {
                lock (_lock)
                {
                    if (_running.TryGetValue(lane, out var current) && current == next) _running.Remove(lane);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _running[lane] = next;
        }
    }

    private static async Task AfterAsync(Task previous, Func<Task> run)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await run();
    }

    /// <summary>Every batch scheduled so far, finished.</summary>
    public Task IdleAsync()
    {
        Task[] running;
        lock (_lock) running = [.. _running.Values];
        return Task.WhenAll(running);
    }

    public DateTimeOffset HeldUntil(string lane)
    {
        lock (_lock) return _heldUntil.GetValueOrDefault(lane);
    }

    public void Hold(string lane, DateTimeOffset until)
    {
        lock (_lock) _heldUntil[lane] = until;
    }

    public void Free(string lane)
    {
        lock (_lock) _heldUntil.Remove(lane);
    }
}
