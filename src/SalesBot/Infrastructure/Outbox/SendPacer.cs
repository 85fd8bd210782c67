using System.Diagnostics;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Keeps this process's proactive sends within Teams' limits: at most
/// <see cref="OutboxOptions.TenantSendsPerSecond"/> in any second as Teams receives them, and none
/// at all for a while when Teams throttles the tenant, which shows as 429s from several
/// conversations within a second (one conversation's 429 holds only that conversation's lane).
/// A send reaches Teams at some moment between its start and its answer, so it counts from its start
/// until a second after its answer: counting starts alone let sends slowed by new connections (a
/// Monday 08:00 after a quiet night) arrive together with the next second's. Paced on wall time: it
/// measures what Teams sees.
/// </summary>
public sealed class SendPacer(IOptions<OutboxOptions> options, ILogger<SendPacer> logger)
{
    /// <summary>Distinct conversations throttled within a second that mean the tenant, not one chat, is throttled.</summary>
    public const int ConversationsThatPauseTheTenant = 3;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WhileAllInFlight = TimeSpan.FromMilliseconds(5);
    private readonly int _perSecond = options.Value.TenantSendsPerSecond;
    private readonly Queue<long> _answered = new();
    private readonly Dictionary<string, long> _throttled = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _inFlight;
    private long _pausedUntil;

    /// <summary>Waits until this send fits the budget, and counts it until a second after the returned turn is disposed (when Teams answered).</summary>
    public async Task<IDisposable> WaitTurnAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (_answered.Count > 0 && Stopwatch.GetElapsedTime(_answered.Peek(), now) >= Second) _answered.Dequeue();
                if (now >= _pausedUntil && _inFlight + _answered.Count < _perSecond)
                {
                    _inFlight++;
                    return new Turn(this);
                }
                wait = now < _pausedUntil ? Stopwatch.GetElapsedTime(now, _pausedUntil)
                    : _answered.Count > 0 ? Second - Stopwatch.GetElapsedTime(_answered.Peek(), now)
                    : WhileAllInFlight;
            }
            await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), ct);
        }
    }

    private void Answered()
    {
        lock (_gate)
        {
            _inFlight--;
            _answered.Enqueue(Stopwatch.GetTimestamp());
        }
    }

    private sealed class Turn(SendPacer pacer) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) pacer.Answered();
        }
    }

    /// <summary>A send of this lane got 429: when several conversations do within a second, every proactive send waits out the longest Retry-After.</summary>
    public void Throttled(string lane, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _throttled[lane] = now;
            foreach (var stale in _throttled.Where(t => Stopwatch.GetElapsedTime(t.Value, now) >= Second).Select(t => t.Key).ToList()) _throttled.Remove(stale);
            if (_throttled.Count < ConversationsThatPauseTheTenant) return;
            var pause = retryAfter is { } r && r > Second ? r : Second;
            _pausedUntil = Math.Max(_pausedUntil, now + (long)(pause.TotalSeconds * Stopwatch.Frequency));
            logger.LogWarning("Teams throttled {Conversations} conversations within a second: proactive sends pause for {Pause}", _throttled.Count, pause);
        }
    }

    /// <summary>How long proactive sends are paused from now (zero when they are not).</summary>
    public TimeSpan PausedFor
    {
        get
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                return now < _pausedUntil ? Stopwatch.GetElapsedTime(now, _pausedUntil) : TimeSpan.Zero;
            }
        }
    }
}
