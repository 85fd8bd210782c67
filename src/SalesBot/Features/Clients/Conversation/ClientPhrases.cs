using SalesBot.Features.Language;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>
/// How people create and look up clients. "¿Ya está creado X?" and "Is X in our portfolio?" are
/// look-ups (NLU.md), asked before the words that create ("cliente nuevo", "dar de alta") are.
/// </summary>
public static class ClientPhrases
{
    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.FindClient, PhraseOrder.ClientLookup, s => s.Has("ya tenemos", "already set up", "in the system", "en el sistema", "already a client", "ya es cliente",
                "ya esta dado de alta", "tenemos dado de alta", "tenemos en cartera", "en cartera", "tenemos en la cartera", "already have", "do we have")
            || s.Has("tenemos a", "tenemos al") && s.Has("dado de alta", "dada de alta", "registrado", "registrada", "creado", "creada")),
        new(NluIntents.CreateClient, PhraseOrder.NewClient, s => s.Has("cliente nuevo", "nuevo cliente", "new client", "new customer", "crea* el cliente", "crea* un cliente",
            "crea* cliente", "crear cliente", "registra* el cliente", "registra* un cliente", "registra* cliente", "da* de alta", "add a client", "add client", "create a client",
            "register a client", "create client", "add a customer", "dar de alta", "cre* el cliente", "cre* un cliente", "crear prospecto", "cre* prospecto", "nuevo prospecto",
            "a la cartera", "new prospect", "add a prospect", "add prospect", "set up a client", "set up a new client", "onboard*", "as a new", "como cliente nuevo", "como nuevo cliente")),
        new(NluIntents.FindClient, PhraseOrder.ClientSearch, s => s.Has("tenemos a", "tenemos al", "tenemos de cliente", "ya esta creado", "ya esta creada", "ya existe",
            "existe el cliente", "busca*", "busqu*", "buscar", "find", "look up", "lookup", "in our portfolio", "en la cartera", "ficha de", "ficha del", "datos de", "datos del",
            "info de", "informacion de", "do we have", "is there a client", "tenemos registrado", "esta registrado", "esta en el sistema")),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.CreateClient, "crear cliente"),
        new(NluIntents.CreateClient, "nuevo cliente"),
        new(NluIntents.CreateClient, "new client"),
        new(NluIntents.FindClient, "buscar cliente"),
        new(NluIntents.FindClient, "find client"),
    ];
}
