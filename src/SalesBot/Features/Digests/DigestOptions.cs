namespace SalesBot.Features.Digests;

/// <summary>Digests:* settings.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Whether digests, nudges and next-step reminders go out on their own (false: only when asked, e.g. «resumen semanal ahora»).</summary>
    public bool Send { get; set; } = true;

    /// <summary>How late a digest may still be posted after downtime; never past the next week's run.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long before its hour a digest is built and queued (the outbox holds it until the hour):
    /// on Monday at 08:00 every team's is then ready at once, and they leave at the full send
    /// budget instead of as fast as they can be built. Its figures are as of when it was built.
    /// </summary>
    public TimeSpan BuildAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the scheduler looks for digests due (wall time).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the link to a digest's pipeline chart works (the image in the channel's card).</summary>
    public TimeSpan ChartLinkLifetime { get; set; } = TimeSpan.FromDays(35);

    public string? Problem() =>
        CatchUpWindow <= TimeSpan.Zero || CatchUpWindow > TimeSpan.FromDays(7) ? "Digests:CatchUpWindow must be more than zero and at most 7 days"
        : CheckEvery < TimeSpan.FromSeconds(1) || CheckEvery > TimeSpan.FromHours(1) ? "Digests:CheckEvery must be between 1 second and 1 hour"
        : ChartLinkLifetime <= TimeSpan.Zero ? "Digests:ChartLinkLifetime must be positive"
        : BuildAhead < TimeSpan.Zero || BuildAhead > TimeSpan.FromHours(1) ? "Digests:BuildAhead must be between 0 and 1 hour"
        : null;
}
