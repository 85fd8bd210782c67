namespace SalesBot.Features.Digests;

/// <summary>How a digest and its notices reach Teams (the card, the channel post, the 1:1 notice), through the outbox.</summary>
public interface IDigestDelivery
{
    /// <summary>Queues the digest as a new post in the channel, in the subscriber's language; false when the bot has no address for the channel yet.</summary>
    /// <param name="notBefore">when it may leave (its hour, when built ahead of it); null: at once.</param>
    Task<bool> PostAsync(string channelId, string language, string? teamCountry, WeeklyDigest digest, string trackingKey, DateTimeOffset? notBefore, CancellationToken ct);

    /// <summary>Tells the person who subscribed that the channel refused the digest and the subscription ended.</summary>
    Task ChannelGoneAsync(Person subscriber, string teamName, CancellationToken ct);

    /// <summary>Queues an executive's weekly nudge in their 1:1 chat; false when they have no chat with the bot yet.</summary>
    Task<bool> SendNudgesAsync(Person executive, Nudges nudges, CancellationToken ct);

    /// <summary>Queues the morning reminder of a next step dated today.</summary>
    Task<bool> SendNextStepAsync(Person executive, NudgeItem step, CancellationToken ct);
}
