using SalesBot.Features.Language;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>
/// How people speak of PQRs. The object decides, not the verb (NLU.md): "log a complaint" files a
/// PQR; named with no verb ("quejas del equipo de octubre") they are asked to be listed; "¿cuándo
/// vence?" asks for one PQR's due date, "¿cuáles vencen mañana?" for a list.
/// </summary>
public static class PqrPhrases
{
    private static readonly string[] PqrWords =
        ["pqr*", "peticion", "peticiones", "derecho de peticion", "queja", "quejas", "reclamo", "reclamos", "reclamacion", "recurso", "recursos",
         "solicitud de copia*", "solicitud de documento*", "complaint*", "claim", "claims", "petition*", "appeal*", "radicado", "folio", "consulta",
         "document request*", "request for documents", "copies of", "copias de"];

    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.PqrDueDate, PhraseOrder.Pqr, s => s.Has(PqrWords)
            && s.Has("cuando vence*", "cuando se vence*", "hasta cuando", "para cuando", "fecha de vencimiento", "fecha limite", "plazo", "when is", "when does", "due date", "deadline", "when do we have to")
            && !s.Has("cuales", "which", "mis", "my", "lista*", "list")),
        new(NluIntents.RegisterPqr, PhraseOrder.Pqr, s => s.Has(PqrWords)
            && s.Has("registr*", "register*", "radic*", "log", "file", "crea*", "nueva", "nuevo", "new", "ingres*", "llego", "llegaron", "me llego", "anota*", "sube*", "carga*", "mete*",
                "record", "open a", "abre*", "abri*", "levant*", "captur*", "entro", "entro una", "we got", "got a", "received")
            && !s.Has("vencid*", "overdue", "vencen", "pendientes", "cuales", "which", "mis pqr*", "my pqr*")),
        new(NluIntents.ListPqrs, PhraseOrder.Pqr, s => s.Has(PqrWords)),
        new(NluIntents.PqrDueDate, PhraseOrder.PqrByNumber, s => s.Radicado is not null
            && s.Has("cuando vence*", "para cuando", "hasta cuando", "hay que responder", "when is", "due")),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.RegisterPqr, "registrar reclamo"),
        new(NluIntents.RegisterPqr, "radicar peticion"),
        new(NluIntents.ListPqrs, "pqrs vencidas"),
        new(NluIntents.ListPqrs, "overdue complaints"),
    ];
}
