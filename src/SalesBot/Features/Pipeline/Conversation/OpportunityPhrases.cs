using SalesBot.Features.Language;

namespace SalesBot.Features.Pipeline.Conversation;

/// <summary>
/// How people speak of their deals (NLU.md): "ganamos X" moves it to won, "ya no va" marks it
/// lost; a stage with a verb moves a deal, a stage in a question filters the pipeline; an amount
/// with a deal, or "nueva oportunidad", opens one.
/// </summary>
public static class OpportunityPhrases
{
    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.MarkOpportunityLost, PhraseOrder.DealOutcome, s => s.Has("mark*") && s.Has("as lost", "lost")
            || s.Has("perdimos", "perdida", "perdido", "we lost", "lost the", "mark as lost", "marca* como perdid*", "ya no va", "se cayo", "se nos cayo", "se callo",
                "no se dio", "se fue con la competencia", "se lo llevo la competencia", "descarta*", "fell through", "lost it")),
        new(NluIntents.MoveOpportunityStage, PhraseOrder.DealOutcome, s => s.Has("ganamos", "we won", "won the", "lo ganamos", "la ganamos", "cerramos", "closed the deal",
            "closed won", "marca* como ganad*", "como ganad*", "mark* as won", "as won")),
        new(NluIntents.MoveOpportunityStage, PhraseOrder.DealStage, s => s.NamesStage && !s.Has("visita", "visit", "cita", "reunion", "meeting")
            && s.Has("pasa*", "pase*", "pasala", "pasela", "mueve*", "muevela", "move", "sube*", "avanza*", "cambia* de etapa", "cambia* la etapa", "lleva*", "bump", "advance")),
        // "lo de Energía Renovable del Caribe a negociación": a deal and where it goes, with no verb.
        new(NluIntents.MoveOpportunityStage, PhraseOrder.DealStage, s => s.Has("lo de", "la de") && s.Stage is not null && !s.IsQuestion && !s.Has("visita", "visit", "cita", "reunion", "junta", "meeting")),
        new(NluIntents.ShowPipeline, PhraseOrder.Pipeline, s => s.Has("pipeline", "pipe", "embudo", "forecast", "pronostico", "negocios tengo", "oportunidades tengo", "mis oportunidades",
                "mis negocios", "my deals", "my opportunities", "deals", "deals in", "que tengo en", "negocios en", "oportunidades en", "negocios abiertos", "open deals")
            || s.IsQuestion && s.NamesStage && s.Has("negocio*", "oportunidad*", "deal*", "tengo", "traigo", "llevo", "tenemos", "have", "got")),
        new(NluIntents.CreateOpportunity, PhraseOrder.NewDeal, s => !s.NamesOffer
            && (s.Amount is not null && s.Has("oportunidad*", "oprotunidad*", "oportnidad*", "opp", "opps", "opportunity", "deal", "negocio", "proyecto de venta")
                || s.Has("proyecto de venta", "new opp", "opp for", "opp with", "opp w", "abr* oportunidad", "abr* una oportunidad", "oportunidad con"))),
        new(NluIntents.CreateOpportunity, PhraseOrder.NewDeal, s => s.Has("nueva oportunidad", "nuevo negocio", "oportunidad nueva", "negocio nuevo", "new deal", "new opportunity",
            "crea* una oportunidad", "crea* un negocio", "crea* oportunidad", "abr* una oportunidad", "abr* un negocio", "registra* una oportunidad", "registra* un negocio",
            "create an opportunity", "create a deal", "open a deal", "open an opportunity", "add a deal", "add an opportunity", "montar una oportunidad", "monta* un negocio")),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.CreateOpportunity, "nueva oportunidad"),
        new(NluIntents.CreateOpportunity, "new opportunity"),
        new(NluIntents.MoveOpportunityStage, "mover etapa negociacion"),
        new(NluIntents.MoveOpportunityStage, "move stage"),
        new(NluIntents.MarkOpportunityLost, "marcar perdida"),
        new(NluIntents.ShowPipeline, "mis oportunidades"),
        new(NluIntents.ShowPipeline, "pipeline equipo"),
    ];
}
