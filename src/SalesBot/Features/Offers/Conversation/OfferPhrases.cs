using SalesBot.Features.Language;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// How people send an offer for approval and ask what waits for theirs. "sube la cotización a
/// aprobación" is an offer (the object decides); "pásala a propuesta" moves a deal. Approving is
/// never said here: an offer is approved only from its card (the guard in the classifier).
/// </summary>
public static class OfferPhrases
{
    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.SubmitOffer, PhraseOrder.Offer, s => !WaitsForMe(s)
            && (s.NamesOffer || s.Has("propuesta") && s.Has("visto bueno", "a aprobar", "para aprobar", "aprobacion"))
            && s.Has("aprobacion", "aprobar", "approval", "submit*", "envia*", "envie*", "enviar", "manda*", "mande*", "sube*", "subir", "radica*", "send", "pasa* a aprob*", "visto bueno")
            && !(s.Has("pasa*", "pase*", "muev*", "move") && s.NamesStage)),
        new(NluIntents.ListPendingApprovals, PhraseOrder.Approvals, s => WaitsForMe(s)
            || s.Has("aprobaciones", "por aprobar", "para aprobar", "pendiente* de aprob*", "pendiente* por aprob*", "approvals", "my approval", "awaiting approval",
                "waiting for my", "waiting on me", "esperando mi", "esperan mi", "por decidir", "pending approval*")),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.SubmitOffer, "enviar cotizacion aprobacion"),
        new(NluIntents.SubmitOffer, "submit offer approval"),
        new(NluIntents.ListPendingApprovals, "aprobaciones pendientes"),
        new(NluIntents.ListPendingApprovals, "pending approvals"),
    ];

    private static bool WaitsForMe(Sentence s) =>
        s.Has("esperando mi", "esperan mi", "esperando por mi", "pendiente* de aprob*", "pendiente* por aprob*", "esperando aprob*", "awaiting approval", "pending approval*",
            "need to approve", "tengo que aprobar", "debo aprobar", "waiting for my", "waiting on me");
}
