namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Holds a row's claim while its delivery runs. One connector call may take 100 s and a first
/// message to someone makes three, longer than a claim: the claim is renewed every third of its
/// duration, and the delivery is cancelled when a renewal finds the row taken, or when the claim
/// would lapse unrenewed (the database unreachable), before another instance may take the row.
/// </summary>
internal sealed class ClaimKeeper : IDisposable
{
    private readonly OutboxMessage _message;
    private readonly OutboxStore _store;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _margin;
    private readonly CancellationTokenSource _cts;
    private readonly ITimer _deadline;
    private readonly ITimer _renewal;

    public ClaimKeeper(OutboxMessage message, OutboxStore store, TimeProvider clock, TimeSpan claimDuration, CancellationToken stopping)
    {
        _message = message;
        _store = store;
        _clock = clock;
        _margin = claimDuration / 4;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _deadline = clock.CreateTimer(_ => Lose(), null, UntilDeadline(), Timeout.InfiniteTimeSpan);
        _renewal = clock.CreateTimer(_ => _ = RenewAsync(), null, claimDuration / 3, claimDuration / 3);
    }

    /// <summary>Cancelled on shutdown and when the claim is lost.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>The claim ran out or was taken: whatever this delivery does next must not count.</summary>
    public bool Lost { get; private set; }

    private TimeSpan UntilDeadline()
    {
        var left = (_message.ClaimedUntil ?? _clock.GetUtcNow()) - _margin - _clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Each tick renews, even while an earlier renewal is slow: each is a fenced write, and the latest claim wins.</summary>
    private async Task RenewAsync()
    {
        try
        {
            if (await _store.RenewAsync(_message, CancellationToken.None)) _deadline.Change(UntilDeadline(), Timeout.InfiniteTimeSpan);
            else Lose();
        }
        catch (Exception)
        {
            // The database did not answer: the deadline stands, and cancels the delivery in time.
        }
    }

    private void Lose()
    {
        Lost = true;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The delivery already ended.
        }
    }

    public void Dispose()
    {
        _renewal.Dispose();
        _deadline.Dispose();
        _cts.Dispose();
    }
}
