using System.Diagnostics;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Keeps this process's proactive sends within Teams' limits: at most
/// <see cref="OutboxOptions.TenantSendsPerSecond"/> in any second (a sliding window, so a burst of
/// digests or reminders never goes over), and none at all for a while when Teams throttles the
/// tenant, which shows as 429s from several conversations within a second (one conversation's 429
/// holds only that conversation's lane, as before). Paced on wall time: it measures what Teams sees.
/// </summary>
public sealed class SendPacer(IOptions<OutboxOptions> options, ILogger<SendPacer> logger)
{
    /// <summary>Distinct conversations throttled within a second that mean the tenant, not one chat, is throttled.</summary>
    public const int ConversationsThatPauseTheTenant = 3;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly int _perSecond = options.Value.TenantSendsPerSecond;
    private readonly Queue<long> _sent = new();
    private readonly Dictionary<string, long> _throttled = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _pausedUntil;

    /// <summary>Waits until this send fits the budget, and counts it.</summary>
    public async Task WaitTurnAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (_sent.Count > 0 && Stopwatch.GetElapsedTime(_sent.Peek(), now) >= Second) _sent.Dequeue();
                if (now >= _pausedUntil && _sent.Count < _perSecond)
                {
                    _sent.Enqueue(now);
                    return;
                }
                wait = now < _pausedUntil ? Stopwatch.GetElapsedTime(now, _pausedUntil) : Second - Stopwatch.GetElapsedTime(_sent.Peek(), now);
            }
            await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), ct);
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
