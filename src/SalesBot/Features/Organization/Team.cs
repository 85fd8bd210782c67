using SalesBot.Features.Shared;

namespace SalesBot.Features.Organization;

/// <summary>A sales team and the Teams channel its digests and notices go to.</summary>
public sealed class Team : IAudited
{
    private Team() { }

    public Team(string name)
    {
        Id = Guid.NewGuid();
        Name = name;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The channel's conversation id (19:...@thread.tacv2), once the bot knows it.</summary>
    public string? ChannelConversationId { get; private set; }
    public string? ChannelName { get; private set; }

    public void LinkChannel(string conversationId, string? channelName)
    {
        ChannelConversationId = conversationId;
        ChannelName = channelName;
    }
}
