using System.Text.Json.Nodes;

namespace SalesBot.Teams.Schema;

/// <summary>The value of a composeExtension/query invoke: a search command, its parameters and the page asked for.</summary>
public sealed class ComposeQueryValue
{
    public string? CommandId { get; set; }
    public List<ComposeParameter>? Parameters { get; set; }
    public ComposeQueryOptions? QueryOptions { get; set; }

    /// <summary>The text typed in the search box; Teams sends "initialRun" (true) when the command opens, before anything is typed.</summary>
    public string? Text => Parameters?.FirstOrDefault(p => p is { Name: not null and not "initialRun" })?.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool InitialRun => Parameters?.Any(p => p is { Name: "initialRun" }) == true;
}

public sealed class ComposeParameter
{
    public string? Name { get; set; }
    public JsonNode? Value { get; set; }
}

public sealed class ComposeQueryOptions
{
    public int? Skip { get; set; }
    public int? Count { get; set; }
}

/// <summary>The value of an action command's fetchTask or submitAction invoke.</summary>
public sealed class ComposeActionValue
{
    public string? CommandId { get; set; }
    public string? CommandContext { get; set; }
    /// <summary>The dialog's inputs, with the data of the button that sent them (submitAction only).</summary>
    public JsonObject? Data { get; set; }
    /// <summary>The message the command was run on (commandContext "message").</summary>
    public ComposeMessagePayload? MessagePayload { get; set; }
}

public sealed class ComposeMessagePayload
{
    public string? Id { get; set; }
    public ComposeMessageBody? Body { get; set; }
}

public sealed class ComposeMessageBody
{
    /// <summary>"html" in Teams (the message as the client renders it), or "text".</summary>
    public string? ContentType { get; set; }
    public string? Content { get; set; }
}

/// <summary>The value of a composeExtension/queryLink invoke: the link pasted in the compose box.</summary>
public sealed class ComposeQueryLinkValue
{
    public string? Url { get; set; }
}

/// <summary>One search result: the card inserted when it is chosen, and the list row Teams shows before that.</summary>
public sealed record ComposeResult(JsonNode Card, string Title, string Text, JsonObject? SelectValue = null);
