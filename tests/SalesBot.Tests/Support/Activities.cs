namespace SalesBot.Tests.Support;

/// <summary>Builds Teams-shaped activities as the Agents Playground sends them (see ../shared/reference/activities).</summary>
public sealed class Activities(string serviceUrl)
{
    public const string BotId = "00000000-0000-0000-0000-00000000000011";
    public const string AlexAad = "00000000-0000-0000-0000-0000000000020";

    public string ConversationId { get; init; } = "conv-" + Guid.NewGuid().ToString("N")[..8];
    public string UserId { get; init; } = "user-id-0";
    public string UserName { get; init; } = "Alex Wilber";
    public string? AadObjectId { get; init; } = AlexAad;
    public string ConversationType { get; init; } = "personal";

    public JsonObject Message(string text, string? locale = "es-CO", string? id = null) =>
        Base("message", id, locale, a => a["text"] = text);

    public JsonObject Submit(JsonObject value, string? locale = "es-CO") =>
        Base("message", null, locale, a => a["value"] = value);

    public JsonObject InstallationAdd(string? locale = "es-CO") => Base("installationUpdate", null, locale, a => a["action"] = "add");

    public JsonObject InstallationRemove() => Base("installationUpdate", null, null, a => a["action"] = "remove");

    public JsonObject BotAdded(string? locale = "es-CO") => Base("conversationUpdate", null, locale, a =>
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = UserId, ["aadObjectId"] = AadObjectId }, new JsonObject { ["id"] = BotId }));

    public JsonObject Invoke(string name, JsonObject value) => Base("invoke", null, "es-CO", a =>
    {
        a["name"] = name;
        a["value"] = value;
    });

    private JsonObject Base(string type, string? id, string? locale, Action<JsonObject> fill)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = UserName, ["aadObjectId"] = AadObjectId },
            ["conversation"] = new JsonObject
            {
                ["id"] = ConversationId,
                ["conversationType"] = ConversationType,
                ["tenantId"] = "00000000-0000-0000-0000-0000000000001",
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SalesBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-0000000000001" } },
        };
        if (locale is not null) activity["locale"] = locale;
        // Teams names the channel (and its team) on every activity from a channel; a thread's conversation id is the channel's with ";messageid=...".
        if (ConversationType == "channel")
        {
            activity["channelData"]!["channel"] = new JsonObject { ["id"] = ConversationId.Split(';')[0] };
            activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        }
        fill(activity);
        return activity;
    }
}

public static class CardJson
{
    /// <summary>The Adaptive Card in a delivered activity, or null.</summary>
    public static JsonObject? Card(this JsonObject activity) =>
        activity["attachments"] is JsonArray { Count: > 0 } a && a[0]!["contentType"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive"
            ? a[0]!["content"]!.AsObject()
            : null;

    /// <summary>
    /// What the bot said in a reply: its text, or the first text of its card (a refusal with a
    /// next-step button comes as a card).
    /// </summary>
    public static string Said(this JsonObject activity) =>
        activity["text"]?.GetValue<string>() ?? activity.Card()?["body"]?[0]?["text"]?.GetValue<string>() ?? "";

    /// <summary>Every object in a card (elements, actions, their fallbacks), depth first.</summary>
    public static IEnumerable<JsonObject> Descendants(this JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Descendants).Prepend(o),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    /// <summary>All text on a card or activity (TextBlocks, facts, action titles), for assertions.</summary>
    public static string AllText(this JsonNode? node) => node switch
    {
        JsonObject o => string.Join(" | ", o.Where(p => p.Key is not "type" and not "$schema" and not "version").Select(p => AllText(p.Value))),
        JsonArray a => string.Join(" | ", a.Select(AllText)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };
}
