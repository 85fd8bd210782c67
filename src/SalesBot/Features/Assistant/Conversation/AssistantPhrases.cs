using SalesBot.Features.Language;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>
/// A greeting, only when nothing else is asked ("hola, agéndame ..." is the visit). How-to
/// questions and "ayuda" are help by the contract, settled before any feature's phrases.
/// </summary>
public static class AssistantPhrases
{
    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.Greeting, PhraseOrder.Greeting, s => s.Has("hola", "buenos dias", "buenas tardes", "buenas noches", "buenas", "buen dia", "hello", "hi", "hey",
            "good morning", "good afternoon", "good evening", "que mas", "quiubo", "que tal", "saludos", "como estas", "how are you")),
    ];

    public static readonly IntentExample[] Examples = [];
}
