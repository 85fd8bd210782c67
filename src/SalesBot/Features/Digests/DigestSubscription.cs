namespace SalesBot.Features.Digests;

/// <summary>
/// A team's weekly digest posted to a channel: on a day and hour in a time zone (the team's, else
/// the organisation's), in the language of the person who subscribed (a channel has no locale).
/// One team may post to several channels and one channel may carry several teams; each pair once.
/// A subscription that ended (cancelled, or the bot removed from the channel) is kept with why.
/// </summary>
public sealed class DigestSubscription : IAudited
{
    private DigestSubscription() { }

    public DigestSubscription(Guid teamId, string channelId, DigestSlot slot, string timeZone, string language, Guid? subscribedById, DateTimeOffset at)
    {
        Id = NewId.Next();
        TeamId = teamId;
        ChannelId = channelId;
        Reschedule(slot, timeZone, language, subscribedById, at);
    }

    public Guid Id { get; private set; }
    public Guid TeamId { get; private set; }

    /// <summary>The channel's conversation id (19:...@thread.tacv2), where the digest is posted.</summary>
    public string ChannelId { get; private set; } = "";
    public DayOfWeek Day { get; private set; }
    public TimeOnly Hour { get; private set; }

    /// <summary>IANA time zone the day and hour are in.</summary>
    public string TimeZone { get; private set; } = "";

    /// <summary>"es" or "en".</summary>
    public string Language { get; private set; } = "es";

    /// <summary>Who subscribed (null from the command line): told when the channel can no longer be reached.</summary>
    public Guid? SubscribedById { get; private set; }
    public DateTimeOffset SubscribedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsActive => EndedAt is null;

    public DigestSlot Slot => new(Day, Hour);

    /// <summary>Subscribing again changes the slot and who owns it, and revives an ended subscription.</summary>
    public void Reschedule(DigestSlot slot, string timeZone, string language, Guid? subscribedById, DateTimeOffset at)
    {
        Day = slot.Day;
        Hour = slot.Hour;
        TimeZone = timeZone;
        Language = language;
        SubscribedById = subscribedById;
        SubscribedAt = at;
        EndedAt = null;
        EndReason = null;
    }

    public void End(string reason, DateTimeOffset at)
    {
        EndedAt = at;
        EndReason = reason;
    }
}

/// <summary>When in the week a digest is posted: a day and a local hour.</summary>
public readonly record struct DigestSlot(DayOfWeek Day, TimeOnly Hour)
{
    /// <summary>Monday 08:00, as the users asked.</summary>
    public static readonly DigestSlot Default = new(DayOfWeek.Monday, new TimeOnly(8, 0));
}
