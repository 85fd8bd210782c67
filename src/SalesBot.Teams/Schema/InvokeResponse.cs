using System.Text.Json.Nodes;

namespace SalesBot.Teams.Schema;

/// <summary>What an invoke answers: the HTTP status and JSON body of the same POST.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    /// <summary>Universal Actions answer: a card that replaces the clicked one for this user.</summary>
    public static InvokeResponse Card(JsonNode card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = ContentTypes.AdaptiveCard,
        ["value"] = card,
    });

    public static InvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = ContentTypes.ActivityMessage,
        ["value"] = text,
    });

    /// <summary>A handled error: HTTP 200, the outcome in the body, as the Universal Action model documents.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = ContentTypes.Error,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    /// <summary>The answer to an application/search invoke: the choices that match, as title and value.</summary>
    public static InvokeResponse SearchResults(IEnumerable<(string Title, string Value)> results) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = ContentTypes.SearchResponse,
        ["value"] = new JsonObject
        {
            ["results"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject { ["title"] = r.Title, ["value"] = r.Value }).ToArray()),
        },
    });
}

/// <summary>The value of an adaptiveCard/action invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }
    public string? Trigger { get; set; }
}

/// <summary>The value of an application/search invoke (Teams' dynamic type-ahead).</summary>
public sealed class SearchInvokeValue
{
    public string? Kind { get; set; }
    public string? QueryText { get; set; }
    public string? Dataset { get; set; }
    public SearchQueryOptions? QueryOptions { get; set; }
}

public sealed class SearchQueryOptions
{
    public int? Skip { get; set; }
    public int? Top { get; set; }
}

public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Verb { get; set; }
    public string? Title { get; set; }
    public JsonObject? Data { get; set; }
}
