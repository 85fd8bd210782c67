namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Where and how to reach a conversation later (proactive messages): refreshed from every
/// authenticated activity, since Teams may move a conversation to another serviceUrl.
/// </summary>
public sealed class StoredConversationReference
{
    public string ConversationId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }

    /// <summary>The last user who spoke here; for personal chats, the chat's owner.</summary>
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? TeamId { get; set; }
    public string? TeamsChannelId { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the welcome card went out for the current installation (null: not yet, or uninstalled since).</summary>
    public DateTimeOffset? WelcomedAt { get; set; }

    /// <summary>The values as they are now (every member is a value or an immutable string: a shallow copy is whole).</summary>
    internal StoredConversationReference Copy() => (StoredConversationReference)MemberwiseClone();
}
