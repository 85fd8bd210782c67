namespace SalesBot.Teams.Schema;

/// <summary>Activity type names as they appear on the wire; compared ordinally, as the spec requires.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Typing = "typing";
}

public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>Dynamic type-ahead of an Input.ChoiceSet whose choices.data is a Data.Query.</summary>
    public const string Search = "application/search";

    /// <summary>Message extension invokes: a search command's query and a chosen result, an action command's dialog and its submission, a pasted link.</summary>
    public const string ComposeQuery = "composeExtension/query";
    public const string ComposeSelectItem = "composeExtension/selectItem";
    public const string ComposeFetchTask = "composeExtension/fetchTask";
    public const string ComposeSubmitAction = "composeExtension/submitAction";
    public const string ComposeQueryLink = "composeExtension/queryLink";
    public const string ComposeAnonymousQueryLink = "composeExtension/anonymousQueryLink";

    public static bool IsComposeExtension(string? name) => name?.StartsWith("composeExtension/", StringComparison.Ordinal) == true;
}

public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
    public const string Error = "application/vnd.microsoft.error";
    public const string SearchResponse = "application/vnd.microsoft.search.searchResponse";
    public const string ThumbnailCard = "application/vnd.microsoft.card.thumbnail";
}
