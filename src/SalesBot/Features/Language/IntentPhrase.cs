namespace SalesBot.Features.Language;

/// <summary>
/// One way a feature's intent is said: when <see cref="Says"/> holds for a sentence, the sentence
/// asks for <see cref="Intent"/>, unless a phrase earlier in <see cref="PhraseOrder"/> claimed it.
/// Each feature registers its own; the order among them is the contract's (NLU.md, "Which intent").
/// </summary>
public sealed record IntentPhrase(string Intent, PhraseOrder Order, Func<Sentence, bool> Says);

/// <summary>
/// A sentence a feature gives as typical of an intent. A message no phrase placed is compared to
/// these before it is called none: one with two typos in its key words still finds its intent.
/// </summary>
public sealed record IntentExample(string Intent, string Text);

/// <summary>
/// Which phrases are tried first, as NLU.md settles conflicts: a report names itself; the object
/// decides before the verb ("log a complaint" is a PQR, "sube la cotización a aprobación" an offer);
/// the indicator before the visits ("cumplimiento de visitas"); a stage in a question filters the
/// pipeline; a visit changed or logged before one scheduled; a greeting only when nothing else is
/// asked. Within one step, phrases keep the order their feature registered them in. How-to
/// questions, thanks and whatever must never act are settled before any of these.
/// </summary>
public enum PhraseOrder
{
    Report,
    /// <summary>"oportunidad de respuesta de PQR" is the timeliness indicator, not a list of PQRs.</summary>
    PqrIndicator,
    Pqr,
    /// <summary>A radicado with "¿cuándo vence?" and no PQR word.</summary>
    PqrByNumber,
    Indicator,
    Offer,
    Approvals,
    /// <summary>"ganamos X", "ya no va": the deal's outcome.</summary>
    DealOutcome,
    DealStage,
    Pipeline,
    NewDeal,
    /// <summary>"¿ya tenemos a X?" asks before "cliente nuevo" creates.</summary>
    ClientLookup,
    NewClient,
    ClientSearch,
    VisitChange,
    /// <summary>"anota la visita": said in so many words, before a list or a schedule.</summary>
    VisitLog,
    VisitList,
    /// <summary>"vengo de", "estuve con": a visit told in the past is logged.</summary>
    VisitDone,
    VisitSchedule,
    Greeting,
}
