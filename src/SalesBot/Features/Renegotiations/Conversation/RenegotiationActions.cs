using SalesBot.Bot;

namespace SalesBot.Features.Renegotiations.Conversation;

/// <summary>
/// What users can ask of renegotiations: each action's name (a typed command, a card's "command" value or
/// Action.Execute verb: one name for both) and the phrases that ask for it, registered with the
/// feature (see <see cref="ConversationCommands"/>).
/// </summary>
public static class RenegotiationActions
{
    public const string Start = "renegotiations.start";
    public const string List = "renegotiations.list";
    public const string Answer = "renegotiations.answer";

    public static readonly PhraseSet Phrases = new(
    [
        ("renegociaciones", List),
        ("renegotiations", List),
        ("renegociacion", Start),
        ("renegociar", Start),
        ("renegotiation", Start),
    ]);
}
