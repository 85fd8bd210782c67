using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SalesBot.Teams.Schema;

/// <summary>
/// A Bot Framework activity. Only the fields a Teams bot reads or writes are typed; everything
/// else lands in <see cref="Extra"/> so that a round trip keeps what Teams sent.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<MessageReaction>? ReactionsAdded { get; set; }
    public List<MessageReaction>? ReactionsRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonObject? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public JsonNode? Value { get; set; }
    public string? Name { get; set; }
    public string? InputHint { get; set; }
    public string? DeliveryMode { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>Teams channel data, parsed on demand from <see cref="ChannelData"/>.</summary>
    public TeamsChannelData? GetTeamsChannelData() =>
        ChannelData?.Deserialize<TeamsChannelData>(ActivityJson.Options);

    /// <summary>Tenant id: newer payloads carry it on the conversation, older ones only in channelData.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? GetTeamsChannelData()?.Tenant?.Id;

    /// <summary>
    /// The text the user typed, without the bot's own &lt;at&gt;mention&lt;/at&gt;. The mention entity
    /// says exactly which text to remove; guessing by the bot's display name breaks on renames.
    /// </summary>
    public string? TextWithoutBotMention()
    {
        if (Text is null) return null;
        var text = Text;
        foreach (var mention in Mentions())
        {
            if (mention.Mentioned?.Id is { } id && Recipient?.Id is { } botId
                && string.Equals(id, botId, StringComparison.Ordinal)
                && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }
        }
        return text.Trim();
    }

    public IEnumerable<Mention> Mentions() =>
        (Entities ?? [])
            .Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.As<Mention>())
            .OfType<Mention>();

    /// <summary>The client's locale: the activity's own, else the clientInfo entity's.</summary>
    public string? ClientLocale()
    {
        if (!string.IsNullOrWhiteSpace(Locale)) return Locale;
        var info = (Entities ?? []).FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase));
        return info?.Properties is { } p && p.TryGetValue("locale", out var l) && l.ValueKind == JsonValueKind.String
            ? l.GetString()
            : null;
    }

    /// <summary>A message activity addressed back to the sender of this one, as the SDK's CreateReply does.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            ConversationType = Conversation.ConversationType,
            TenantId = Conversation.TenantId,
            IsGroup = Conversation.IsGroup,
            Name = Conversation.Name,
        },
        ReplyToId = Id,
        Text = text,
        Locale = Locale,
    };
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public bool? IsGroup { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static Attachment AdaptiveCard(JsonNode card) => new() { ContentType = ContentTypes.AdaptiveCard, Content = card };
}

/// <summary>An entity is an open bag of properties keyed by <see cref="Type"/>.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public T? As<T>() where T : class =>
        JsonSerializer.SerializeToElement(this, ActivityJson.Options).Deserialize<T>(ActivityJson.Options);
}

public sealed class Mention
{
    public string? Type { get; set; } = "mention";
    public ChannelAccount? Mentioned { get; set; }
    public string? Text { get; set; }
}

public sealed class MessageReaction
{
    public string? Type { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }
}

public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public JsonNode? Value { get; set; }
}

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public Activity? Activity { get; set; }
    public JsonObject? ChannelData { get; set; }
    public string? TenantId { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Id { get; set; }
}

/// <summary>A conversation member as the roster API returns it (Entra id arrives as objectId).</summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? ObjectId { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;
}
