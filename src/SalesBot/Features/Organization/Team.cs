namespace SalesBot.Features.Organization;

/// <summary>A sales team and the Teams channel its digests and notices go to.</summary>
public sealed class Team : IAudited
{
    private Team() { }

    public Team(string name)
    {
        Id = NewId.Next();
        Name = name;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The channel's conversation id (19:...@thread.tacv2), once the bot knows it.</summary>
    public string? ChannelConversationId { get; private set; }
    public string? ChannelName { get; private set; }

    /// <summary>
    /// The team's own business calendar (ISO country, e.g. "BO"; region, e.g. "BO-C"; IANA time
    /// zone), where it differs from the organisation's; null parts are the organisation's.
    /// </summary>
    public string? Country { get; private set; }
    public string? Subdivision { get; private set; }
    public string? TimeZone { get; private set; }

    public void UseCalendar(string? country, string? subdivision, string? timeZone)
    {
        Country = country;
        Subdivision = subdivision;
        TimeZone = timeZone;
    }

    public void LinkChannel(string conversationId, string? channelName)
    {
        ChannelConversationId = conversationId;
        ChannelName = channelName;
    }
}
