using System.Text.Json;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Hosting;

/// <summary>
/// The checks an activity passes before any turn runs. What fails here is refused with 400 and
/// never reaches the bot: a malformed part that the turn would read later (channelData, a mention)
/// would otherwise fail the turn on every retry the channel makes.
/// </summary>
public static class ActivityEnvelope
{
    // Teams' own values stay far below these (ids of 30-150 characters); the bounds are what the
    // stored conversation reference, de-duplication key and audit columns hold.
    public const int MaxActivityIdLength = 256;
    public const int MaxConversationIdLength = 512;
    public const int MaxServiceUrlLength = 512;
    public const int MaxChannelIdLength = 64;
    public const int MaxUserIdLength = 128;
    public const int MaxLocaleLength = 32;
    public const int MaxNameLength = 256;
    public const int MaxEntities = 64;

    /// <summary>Why the activity cannot be processed, or null when it can.</summary>
    public static string? Problem(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Type) || activity.Type.Length > MaxNameLength) return "no activity type";
        if (string.IsNullOrEmpty(activity.Conversation?.Id)) return "no conversation";
        if (!IsHttpUrl(activity.ServiceUrl)) return "no http(s) serviceUrl";
        if (TooLong(activity.Id, MaxActivityIdLength)) return "activity id too long";
        if (TooLong(activity.Conversation.Id, MaxConversationIdLength)) return "conversation id too long";
        if (TooLong(activity.ServiceUrl, MaxServiceUrlLength)) return "serviceUrl too long";
        if (TooLong(activity.ChannelId, MaxChannelIdLength)) return "channelId too long";
        if (TooLong(activity.From?.Id, MaxUserIdLength) || TooLong(activity.From?.AadObjectId, MaxUserIdLength)) return "from id too long";
        if (TooLong(activity.Recipient?.Id, MaxUserIdLength)) return "recipient id too long";
        if (TooLong(activity.Locale, MaxLocaleLength)) return "locale too long";
        if (TooLong(activity.Name, MaxNameLength) || TooLong(activity.Action, MaxNameLength)) return "name or action too long";
        if (TooLong(activity.Conversation.ConversationType, MaxNameLength) || TooLong(activity.Conversation.TenantId, MaxUserIdLength))
            return "conversation type or tenant too long";
        if (activity.Entities is { Count: > MaxEntities }) return "too many entities";
        try
        {
            // Parsed here once so that the turn's later reads cannot throw.
            var channelData = activity.GetTeamsChannelData();
            if (TooLong(channelData?.Tenant?.Id, MaxUserIdLength) || TooLong(channelData?.Team?.Id, MaxConversationIdLength)
                || TooLong(channelData?.Channel?.Id, MaxConversationIdLength))
                return "channelData ids too long";
            _ = activity.Mentions().ToList();
            _ = activity.ClientLocale();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            return "malformed channelData or entities";
        }
        return null;
    }

    private static bool TooLong(string? value, int max) => value is not null && value.Length > max;

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
