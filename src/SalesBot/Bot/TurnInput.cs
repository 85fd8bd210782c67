using System.Text.Json.Nodes;

namespace SalesBot.Bot;

/// <summary>
/// The bounds on what one turn accepts from the user, checked before any command or query runs.
/// A message, a card submit or a search past them is refused with a short message and changes
/// nothing, so no input, however long or strange, makes a turn's work grow with it.
/// </summary>
public static class TurnInput
{
    /// <summary>A chat message: far more than anyone types (Teams allows about 28 KB).</summary>
    public const int MaxMessageLength = 4000;

    /// <summary>The text of a type-ahead search (application/search).</summary>
    public const int MaxSearchQueryLength = 100;

    /// <summary>
    /// A card submit as JSON: the largest form (a PQR, 8,000 characters of description) fits with
    /// room; each field is then held to its entity's own limit by the use case.
    /// </summary>
    public const int MaxCardDataLength = 24 * 1024;

    /// <summary>Card data is flat (field: value); Teams adds one level (msteams).</summary>
    public const int MaxCardDataDepth = 4;

    public const int MaxCardDataFields = 100;

    /// <summary>Skipping further than this through type-ahead results is not a person typing.</summary>
    public const int MaxSearchSkip = 1000;

    public static bool IsTooLong(string text) => text.Length > MaxMessageLength;

    /// <summary>True when card data is within the bounds: size, depth and number of values.</summary>
    public static bool IsWithinBounds(JsonNode? data)
    {
        if (data is null) return true;
        var fields = 0;
        var length = 0;
        return Walk(data, 0);

        bool Walk(JsonNode? node, int depth)
        {
            if (depth > MaxCardDataDepth || ++fields > MaxCardDataFields) return false;
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        length += key.Length;
                        if (length > MaxCardDataLength || !Walk(value, depth + 1)) return false;
                    }
                    return true;
                case JsonArray a:
                    foreach (var item in a)
                        if (!Walk(item, depth + 1)) return false;
                    return true;
                case JsonValue v:
                    length += v.TryGetValue<string>(out var s) ? s.Length : 16;
                    return length <= MaxCardDataLength;
                default:
                    return true;
            }
        }
    }
}
