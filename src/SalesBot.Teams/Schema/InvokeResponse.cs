using System.Text.Json.Nodes;

namespace SalesBot.Teams.Schema;

/// <summary>What an invoke answers: the HTTP status and JSON body of the same POST.</summary>
public sealed partial record InvokeResponse(int Status, JsonNode? Body)
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

public sealed partial record InvokeResponse
{
    /// <summary>
    /// A message extension's results (a search or a pasted link): each an Adaptive Card to insert with
    /// a thumbnail-card preview (title and text, no image) for the list. A preview's tap sends
    /// composeExtension/selectItem with its value, whose answer is the card actually inserted.
    /// </summary>
    /// <param name="noCache">An unfurl that depends on who pasted the link: Teams must not keep it (it caches unfurls for 30 minutes) and show it to someone else.</param>
    public static InvokeResponse ComposeResults(IEnumerable<ComposeResult> results, bool noCache = false)
    {
        var response = ComposeResultsOf(results);
        if (noCache)
            response.Body!["composeExtension"]!["suggestedActions"] = new JsonObject
            {
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "setCachePolicy", ["value"] = "{\"type\":\"no-cache\"}" }),
            };
        return response;
    }

    private static InvokeResponse ComposeResultsOf(IEnumerable<ComposeResult> results) => new(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject
        {
            ["type"] = "result",
            ["attachmentLayout"] = "list",
            ["attachments"] = new JsonArray(results.Select(r =>
            {
                var preview = new JsonObject { ["title"] = r.Title, ["text"] = r.Text };
                if (r.SelectValue is not null) preview["tap"] = new JsonObject { ["type"] = "invoke", ["value"] = r.SelectValue.DeepClone() };
                return (JsonNode)new JsonObject
                {
                    ["contentType"] = ContentTypes.AdaptiveCard,
                    ["content"] = r.Card.DeepClone(),
                    ["preview"] = new JsonObject { ["contentType"] = ContentTypes.ThumbnailCard, ["content"] = preview },
                };
            }).ToArray()),
        },
    });

    /// <summary>A line of text in place of a message extension's results (no results to show, and why).</summary>
    public static InvokeResponse ComposeMessage(string text) => new(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    });

    /// <summary>A dialog (task module) showing this Adaptive Card.</summary>
    public static InvokeResponse TaskCard(string title, JsonNode card) => new(200, new JsonObject
    {
        ["task"] = new JsonObject
        {
            ["type"] = "continue",
            ["value"] = new JsonObject
            {
                ["title"] = title,
                ["height"] = "large",
                ["width"] = "medium",
                ["card"] = new JsonObject { ["contentType"] = ContentTypes.AdaptiveCard, ["content"] = card.DeepClone() },
            },
        },
    });

    /// <summary>The dialog closes after showing this line.</summary>
    public static InvokeResponse TaskMessage(string text) => new(200, new JsonObject
    {
        ["task"] = new JsonObject { ["type"] = "message", ["value"] = text },
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
