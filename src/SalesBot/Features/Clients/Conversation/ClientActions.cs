using SalesBot.Bot;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>
/// What users can ask of clients: each action's name (a typed command, a card's "command" value or
/// Action.Execute verb: one name for both) and the phrases that ask for it, registered with the
/// feature (see <see cref="ConversationCommands"/>).
/// </summary>
public static class ClientActions
{
    public const string New = "clients.new";
    public const string Create = "clients.create";
    public const string Search = "clients.search";
    public const string Lifecycle = "clients.lifecycle";
    public const string Reassign = "clients.reassign";

    public static readonly PhraseSet Phrases = new(
    [
        ("nuevo cliente", New),
        ("crear cliente", New),
        ("registrar cliente", New),
        ("new client", New),
        ("add client", New),
        ("buscar cliente", Search),
        ("buscar clientes", Search),
        ("busca cliente", Search),
        ("find client", Search),
        ("search client", Search),
        ("find clients", Search),
        ("mis clientes", Search),
        ("mi cartera", Search),
        ("cartera", Search),
        ("my clients", Search),
        ("my portfolio", Search),
        ("cambiar responsable", Reassign),
        ("cambiar responsable de", Reassign),
        ("reasignar cliente", Reassign),
        ("change owner", Reassign),
        ("change owner of", Reassign),
        ("reassign client", Reassign),
        ("cliente", Lifecycle),
        ("client", Lifecycle),
    ]);
}
