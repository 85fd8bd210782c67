using SalesBot.Bot;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>
/// What users can ask of the assistant: each action's name (a typed command, a card's "command" value or
/// Action.Execute verb: one name for both) and the phrases that ask for it, registered with the
/// feature (see <see cref="ConversationCommands"/>).
/// </summary>
public static class AssistantActions
{
    public const string Help = "help";
    public const string Menu = "menu";
    public const string Welcome = "welcome";
    public const string Language = "language";
    public const string Profile = "profile";

    public static readonly PhraseSet Phrases = new(
    [
        ("ayuda", Help),
        ("help", Help),
        ("?", Help),
        ("que puedes hacer", Help),
        ("what can you do", Help),
        ("comandos", Help),
        ("commands", Help),
        ("menu principal", Menu),
        ("main menu", Menu),
        ("menu", Menu),
        ("inicio", Menu),
        ("start", Menu),
        ("opciones", Menu),
        ("options", Menu),
        ("idioma", Language),
        ("language", Language),
        ("lenguaje", Language),
        ("cambiar idioma", Language),
        ("change language", Language),
        ("mi perfil", Profile),
        ("perfil", Profile),
        ("my profile", Profile),
        ("profile", Profile),
        ("quien soy", Profile),
        ("who am i", Profile),
        ("whoami", Profile),
        ("hola", Welcome),
        ("buenos dias", Welcome),
        ("buenas tardes", Welcome),
        ("buenas noches", Welcome),
        ("hi", Welcome),
        ("hello", Welcome),
        ("hey", Welcome),
        ("good morning", Welcome),
    ]);
}
