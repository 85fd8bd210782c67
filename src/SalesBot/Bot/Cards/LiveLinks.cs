using System.Text.Json.Nodes;

namespace SalesBot.Bot.Cards;

/// <summary>
/// Teams renders message text and card TextBlocks as markdown and turns addresses into links, so
/// text that came from outside (a customer's PQR, a client's name, a comment) could put a live
/// link in a bot card. An invisible zero-width space after "]" and inside "://" and "www." keeps
/// the text as written and the link dead. SalesBot's own texts carry no link, except a record's own
/// link (<see cref="OwnLinkId"/>), which people copy to paste in chats.
/// </summary>
public static class LiveLinks
{
    private const string ZeroWidthSpace = "\u200B";

    public static string Defuse(string text)
    {
        if (!text.Contains("](", StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal)
            && !text.Contains("www.", StringComparison.OrdinalIgnoreCase)) return text;
        return text.Replace("](", "]" + ZeroWidthSpace + "(", StringComparison.Ordinal)
            .Replace("://", ":" + ZeroWidthSpace + "//", StringComparison.Ordinal)
            .Replace("www.", "www" + ZeroWidthSpace + ".", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Defuses every markdown-rendered text of a card: TextBlocks and facts.</summary>
    public static void DefuseCard(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var type = o["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
                if (type == "TextBlock" && !IsOwnLink(o)) DefuseProperty(o, "text");
                if (type == "FactSet" && o["facts"] is JsonArray facts)
                {
                    foreach (var fact in facts.OfType<JsonObject>())
                    {
                        DefuseProperty(fact, "title");
                        DefuseProperty(fact, "value");
                    }
                }
                foreach (var (_, child) in o.ToList()) DefuseCard(child);
                break;
            case JsonArray a:
                foreach (var item in a) DefuseCard(item);
                break;
        }
    }

    /// <summary>The id of a TextBlock whose link SalesBot made itself (a record's link, built from Links:BaseUrl and the record's id, never from anyone's text): it stays a link, so it can be copied and pasted.</summary>
    public const string OwnLinkId = "salesbotRecordLink";

    private static bool IsOwnLink(JsonObject o) => o["id"] is JsonValue id && id.TryGetValue<string>(out var s) && s == OwnLinkId;

    private static void DefuseProperty(JsonObject o, string name)
    {
        if (o[name] is JsonValue v && v.TryGetValue<string>(out var text) && Defuse(text) is var safe && !ReferenceEquals(safe, text))
            o[name] = safe;
    }
}
