namespace SalesBot.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How long an instance holds a row before another may take it. A delivery renews it every third
    /// of this while it runs, and is cancelled if it cannot, before the claim lapses.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often to look for rows left behind (earlier failures, crashes, other instances).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxParallelDeliveries { get; set; } = 32;

    /// <summary>After this many failed attempts a message is marked failed and kept for inspection.</summary>
    public int MaxAttempts { get; set; } = 12;

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a message that failed for good is kept for inspection.</summary>
    public TimeSpan FailedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Proactive sends (new messages, card updates, personal chats opened) per second from this
    /// process, under Teams' per-app limit per tenant (30 a second in its documentation). With
    /// several instances, divide it among them.
    /// </summary>
    public int TenantSendsPerSecond { get; set; } = 25;

    /// <summary>How long where a tracked card landed is remembered (for updating it in place).</summary>
    public TimeSpan SentCardRetention { get; set; } = TimeSpan.FromDays(60);
}
