using SalesBot.Bot;

namespace SalesBot.Features.Language.Conversation;

/// <summary>The commands behind a sentence's confirmation card, and the answer for intents not built yet.</summary>
public static class LanguageActions
{
    /// <summary>Confirm: runs the command the card showed, exactly as if it had been typed.</summary>
    public const string Run = "nlu.run";
    public const string Dismiss = "nlu.dismiss";
}
