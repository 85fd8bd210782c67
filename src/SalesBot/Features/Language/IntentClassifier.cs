namespace SalesBot.Features.Language;

/// <summary>
/// Which of the 22 intents a message asks for, by ordered rules over its cues, in the order the
/// contract settles conflicts (NLU.md, "Which intent"): what must never act (injections, approvals
/// typed in chat) first; how-to questions before the actions they name; the object before the
/// verb ("log a complaint" is a PQR, "sube la cotización a aprobación" an offer); the indicator
/// before the visits ("cumplimiento de visitas"); a greeting only when nothing else is asked.
/// </summary>
public static class IntentClassifier
{
    private static readonly string[] PqrWords =
        ["pqr", "pqrs", "peticion", "peticiones", "derecho de peticion", "queja", "quejas", "reclamo", "reclamos", "reclamacion", "recurso", "recursos",
         "solicitud de copia*", "solicitud de documento*", "complaint*", "claim", "claims", "petition*", "appeal*", "radicado", "folio", "consulta",
         "document request*", "request for documents", "copies of", "copias de"];

    private static readonly string[] OfferWords = ["oferta", "ofertas", "cotizacion", "cotizaciones", "cotiza", "propuesta economica", "quote", "offer", "offers", "proposal for approval"];

    private static readonly string[] StageWords =
        ["hunting", "prospeccion", "calificacion", "qualification", "propuesta", "proposal", "negociacion", "negotiation", "ganada", "won", "perdida", "lost"];

    public static string Classify(string text, ReadingContext context)
    {
        var simplified = LanguageText.Simplify(text);
        var c = new Cues(simplified);
        if (c.Words.Count == 0) return NluIntents.None;

        if (NeverActs(c, simplified) || LooksLikeMarkup(text)) return NluIntents.None;
        if (IsHowTo(c)) return NluIntents.Help;
        if (c.OnlyOf("gracias", "muchas", "mil", "thanks", "thank", "you", "ty", "ok", "okay", "listo", "vale", "perfecto", "super", "genial", "great"))
            return NluIntents.None;

        if (c.Has("informe mensual", "reporte mensual", "informe del mes", "reporte del mes", "informe de cierre", "monthly report", "month report", "report for the month"))
            return NluIntents.MonthlyReport;
        if (c.Has("resumen semanal", "weekly digest", "digest", "weekly summary", "resumen de la semana cada", "resumen cada semana")
            || c.Has("suscrib*", "subscribe*") && c.Has("canal", "channel", "resumen", "summary"))
            return NluIntents.SubscribeDigest;

        // "oportunidad de respuesta de PQR" is the timeliness indicator, not a list of PQRs.
        if (VocabularyReader.Indicator(text) == "pqr_timeliness") return NluIntents.ShowIndicator;
        if (c.Has(PqrWords) || c.Has("pqr*"))
        {
            if (c.Has("cuando vence*", "cuando se vence*", "hasta cuando", "para cuando", "fecha de vencimiento", "fecha limite", "plazo", "when is", "when does", "due date", "deadline", "when do we have to")
                && !c.Has("cuales", "which", "mis", "my", "lista*", "list"))
                return NluIntents.PqrDueDate;
            if (c.Has("registr*", "register*", "radic*", "log", "file", "crea*", "nueva", "nuevo", "new", "ingres*", "llego", "llegaron", "me llego", "anota*", "sube*", "carga*", "mete*", "record", "open a", "abre*", "abri*", "levant*", "captur*", "entro", "entro una", "we got", "got a", "received")
                && !c.Has("vencid*", "overdue", "vencen", "pendientes", "cuales", "which", "mis pqr*", "my pqr*"))
                return NluIntents.RegisterPqr;
            // Named with no verb ("quejas del equipo de octubre"), PQRs are asked to be listed.
            if (!IsHowTo(c)) return NluIntents.ListPqrs;
        }

        if (VocabularyReader.Radicado(text) is not null && c.Has("cuando vence*", "para cuando", "hasta cuando", "hay que responder", "when is", "due"))
            return NluIntents.PqrDueDate;

        if (VocabularyReader.Indicator(text) is not null
            || c.Has("indicador*", "kpi*", "como voy", "como vamos", "how am i doing", "how are we doing", "metrics", "mis metas", "my goals"))
            return NluIntents.ShowIndicator;

        var waitsForMe = c.Has("esperando mi", "esperan mi", "esperando por mi", "pendiente* de aprob*", "pendiente* por aprob*", "esperando aprob*", "awaiting approval", "pending approval*", "need to approve", "tengo que aprobar", "debo aprobar", "waiting for my", "waiting on me");
        if (!waitsForMe && (c.Has(OfferWords) || c.Has("propuesta") && c.Has("visto bueno", "a aprobar", "para aprobar", "aprobacion"))
            && c.Has("aprobacion", "aprobar", "approval", "submit*", "envia*", "envie*", "enviar", "manda*", "mande*", "sube*", "subir", "radica*", "send", "pasa* a aprob*", "visto bueno"))
            if (!(c.Has("pasa*", "pase*", "muev*", "move") && c.Has(StageWords)))
                return NluIntents.SubmitOffer;
        if (waitsForMe || c.Has("aprobaciones", "por aprobar", "para aprobar", "pendiente* de aprob*", "pendiente* por aprob*", "approvals", "my approval", "awaiting approval",
                "waiting for my", "waiting on me", "esperando mi", "esperan mi", "por decidir", "pending approval*"))
            return NluIntents.ListPendingApprovals;

        if (c.Has("mark*") && c.Has("as lost", "lost") || c.Has("perdimos", "perdida", "perdido", "we lost", "lost the", "mark as lost", "marca* como perdid*", "ya no va", "se cayo", "se nos cayo", "se callo",
                "no se dio", "se fue con la competencia", "se lo llevo la competencia", "descarta*", "fell through", "lost it"))
            return NluIntents.MarkOpportunityLost;
        if (c.Has("ganamos", "we won", "won the", "lo ganamos", "la ganamos", "cerramos", "closed the deal", "closed won", "marca* como ganad*", "como ganad*", "mark* as won", "as won"))
            return NluIntents.MoveOpportunityStage;
        var isQuestion = simplified.Contains('?') || c.Has("que", "cuales", "cuantos", "cuantas", "what", "which", "how many", "show", "muestra*", "ver", "dame", "pasame");
        if (c.Has("pasa*", "pase*", "pasala", "pasela", "mueve*", "muevela", "move", "sube*", "avanza*", "cambia* de etapa", "cambia* la etapa", "lleva*", "bump", "advance")
            && c.Has(StageWords) && !c.Has("visita", "visit", "cita", "reunion", "meeting"))
            return NluIntents.MoveOpportunityStage;

        // "lo de Energía Renovable del Caribe a negociación": a deal and where it goes, with no verb.
        if (c.Has("lo de", "la de") && VocabularyReader.Stage(text) is not null && !isQuestion && !c.Has("visita", "visit", "cita", "reunion", "junta", "meeting"))
            return NluIntents.MoveOpportunityStage;
        if (c.Has("pipeline", "pipe", "embudo", "forecast", "pronostico", "negocios tengo", "oportunidades tengo", "mis oportunidades", "mis negocios", "my deals",
                "my opportunities", "deals", "deals in", "que tengo en", "negocios en", "oportunidades en", "negocios abiertos", "open deals")
            || isQuestion && c.Has(StageWords) && c.Has("negocio*", "oportunidad*", "deal*", "tengo", "traigo", "llevo", "tenemos", "have", "got"))
            return NluIntents.ShowPipeline;

        var money = AmountReader.Read(text, context);
        if (money.Amount is not null && c.Has("oportunidad*", "oprotunidad*", "oportnidad*", "opp", "opps", "opportunity", "deal", "negocio", "proyecto de venta") && !c.Has(OfferWords)
            || c.Has("proyecto de venta", "new opp", "opp for", "opp with", "opp w", "abr* oportunidad", "abr* una oportunidad", "oportunidad con")
            && !c.Has(OfferWords))
            return NluIntents.CreateOpportunity;
        if (c.Has("nueva oportunidad", "nuevo negocio", "oportunidad nueva", "negocio nuevo", "new deal", "new opportunity", "crea* una oportunidad", "crea* un negocio",
                "crea* oportunidad", "abr* una oportunidad", "abr* un negocio", "registra* una oportunidad", "registra* un negocio", "create an opportunity", "create a deal",
                "open a deal", "open an opportunity", "add a deal", "add an opportunity", "montar una oportunidad", "monta* un negocio"))
            return NluIntents.CreateOpportunity;
        if (c.Has("ya tenemos", "already set up", "in the system", "en el sistema", "already a client", "ya es cliente", "ya esta dado de alta", "tenemos dado de alta",
                "tenemos en cartera", "en cartera", "tenemos en la cartera", "already have", "do we have")
            || c.Has("tenemos a", "tenemos al") && c.Has("dado de alta", "dada de alta", "registrado", "registrada", "creado", "creada"))
            return NluIntents.FindClient;
        if (c.Has("cliente nuevo", "nuevo cliente", "new client", "new customer", "crea* el cliente", "crea* un cliente", "crea* cliente", "crear cliente",
                "registra* el cliente", "registra* un cliente", "registra* cliente", "da* de alta", "add a client", "add client", "create a client", "register a client",
                "create client", "add a customer", "dar de alta", "cre* el cliente", "cre* un cliente", "crear prospecto", "cre* prospecto", "nuevo prospecto",
                "a la cartera", "new prospect", "add a prospect", "add prospect", "set up a client", "set up a new client", "onboard*", "as a new", "como cliente nuevo", "como nuevo cliente"))
            return NluIntents.CreateClient;
        if (c.Has("tenemos a", "tenemos al", "tenemos de cliente", "ya esta creado", "ya esta creada", "ya existe", "existe el cliente", "busca*", "busqu*", "buscar", "find", "look up",
                "lookup", "in our portfolio", "en la cartera", "ficha de", "ficha del", "datos de", "datos del", "info de", "informacion de", "do we have", "is there a client",
                "tenemos registrado", "esta registrado", "esta en el sistema"))
            return NluIntents.FindClient;

        var visitObject = c.Has("visita*", "visit*", "cita*", "reunion*", "meeting*", "appointment*", "junta*");
        if (c.Has("cancel*", "anul*", "ya no voy", "no voy a poder ir", "no puedo ir", "call off", "suspend*", "quit* la visita", "quit* la cita", "quit* la reunion", "borra* la visita", "borr* la cita", "scrap", "drop the") && (visitObject || DateReader.Read(text, context, false) is not null))
            return NluIntents.CancelVisit;
        if (c.Has("reprogram*", "reagend*", "reschedul*", "pospon*", "postpone*", "aplaz*", "adelant*", "corre* la", "corre* mi", "push back", "push my", "move my", "move the",
                "cambi* la visita", "cambi* la cita", "cambi* la reunion", "cambi* mi visita", "muev* la", "muev* mi", "pasa* la visita", "pasa* la cita", "pasa* la reunion", "recorr*",
                "misma hora", "same time")
            || visitObject && c.Has("pasela", "pasala", "pasamela", "pasemela", "muevala", "cambiala", "cambiela", "push*", "move*", "muev*")
            || c.Has("muev* lo de", "pas* lo de", "cambi* lo de") && DateReader.Read(text, context, false) is not null && !c.Has(StageWords))
            return NluIntents.RescheduleVisit;
        var logsVisit = c.Has("anot* la visita", "anot* una visita", "anot* esa visita", "anot* mi visita", "regist* la visita", "regist* una visita", "regist* esa visita", "regist* mi visita",
            "record a visit", "record the visit", "record my visit",
            "log a visit", "log the visit", "log my visit");
        if (logsVisit) return NluIntents.LogVisit;
        if (c.Has("visit schedule", "visits schedule", "agenda de visitas", "calendario de visitas") && !c.Has("agend* una", "schedule a", "book*")
            || c.Has("que visitas", "cuales visitas", "mis visitas", "my visits", "visitas tengo", "visitas de hoy", "visitas de manana", "visitas del equipo", "visitas de la semana",
                "visitas esta semana", "visitas para", "mi agenda", "my schedule", "my agenda", "what visits", "whats on my", "what do i have", "que tengo hoy", "que tengo manana",
                "que tengo para", "agenda de hoy", "agenda de manana", "agenda del", "visits do i have", "visits this week", "visits today", "visits tomorrow", "team's visits")
            || c.Has("visitas", "visits", "meetings") && VocabularyReader.Period(text, context) is not null && !c.Has("agend*", "program*", "schedule*", "book*"))
            return NluIntents.ListVisits;
        if (c.Has("visite", "ya visite", "fui a", "fui donde", "fuimos a", "estuve con", "estuve en", "estuvimos", "vengo de", "acabo de", "me reuni", "nos reunimos", "hable con",
                "registra* la visita", "registra* una visita", "registra* visita", "anota* la visita", "anota* una visita", "anote la visita", "log a visit", "log the visit",
                "log my visit", "log visit", "i visited", "visited", "met with", "i met", "we met", "had a meeting", "tuve una reunion", "tuve la reunion", "tuve visita", "pase por",
                "llegue de", "sali de", "just left", "just visited", "came back from", "went to", "we went", "i went", "stopped by", "dropped by", "estuve donde", "fui al", "fui a la"))
            return NluIntents.LogVisit;
        if (c.Has("agend*", "program*", "cuadr*", "schedule*", "book*", "set up", "arma* una", "separa*", "aparta*", "visitar", "quiero visitar", "meeting with", "cita con",
                "reunion con", "visita a", "visita con", "visita al", "una visita", "visit to", "a visit")
            || visitObject && DateReader.Read(text, context, false) is not null)
            return NluIntents.ScheduleVisit;

        if (c.Has("hola", "buenos dias", "buenas tardes", "buenas noches", "buenas", "buen dia", "hello", "hi", "hey", "good morning", "good afternoon", "good evening",
                "que mas", "quiubo", "que tal", "saludos", "como estas", "how are you"))
            return NluIntents.Greeting;
        return NluIntents.None;
    }

    /// <summary>
    /// Whether the text is something no reader may act on, whatever else it says: instructions to
    /// the bot, code, markup, text posing as the system, approvals typed in chat. A language model
    /// is not even asked about it.
    /// </summary>
    public static bool MustNeverAct(string text)
    {
        var simplified = LanguageText.Simplify(text);
        return NeverActs(new Cues(simplified), simplified) || LooksLikeMarkup(text);
    }

    /// <summary>
    /// What the bot must never act on from chat: instructions to itself, code and shell, and
    /// approvals (an offer is approved only from its card, by the approver).
    /// </summary>
    private static bool NeverActs(Cues c, string simplified)
    {
        if (c.Has("ignora*", "ignore previous", "ignore all", "ignore your", "disregard", "system prompt", "prompt del sistema", "olvida tus", "olvida las instrucciones",
                "forget your", "jailbreak", "modo desarrollador", "developer mode", "actua como", "act as", "pretend", "finge que", "eres ahora", "you are now",
                "drop table", "delete from", "select from", "insert into", "union select", "rm -rf", "sudo", "curl", "wget", "bash", "powershell", "shutdown", "chmod"))
            return true;
        if (simplified.Contains("script", StringComparison.Ordinal) && simplified.Contains("alert", StringComparison.Ordinal) || simplified.Contains("select *", StringComparison.Ordinal) || simplified.Contains("' or '", StringComparison.Ordinal) || simplified.Contains("--", StringComparison.Ordinal) && simplified.Contains('\''))
            return true;
        var approves = c.Has("aprueb*", "aproba", "aprobar", "aprobala", "aprobalo", "approve", "approved it", "autoriz*", "authorize*", "dale el visto bueno", "da el visto bueno",
            "sin aprobacion", "saltate la aprobacion", "salta la aprobacion", "skip the approval", "skip approval", "bypass");
        var asksWhatWaits = c.Has("pendiente*", "pending", "esperando", "waiting", "por aprobar", "para aprobar", "mis aprobaciones", "my approvals", "que tengo", "what", "need to approve",
            "tengo que aprobar", "debo aprobar");
        // "envía la cotización para que la apruebe mi coordinador" sends it for approval: that is allowed.
        var sendsForApproval = (c.Has(OfferWords) || c.Has("propuesta", "proposal")) && c.Has("envia*", "envie*", "enviar", "manda*", "mande*", "sube*", "subir", "submit*", "send", "pasa*", "para que", "a aprobar");
        return approves && !asksWhatWaits && !sendsForApproval;
    }

    /// <summary>Markup (a tag) or text posing as the system ("[SYSTEM]:", "system:") is never a request.</summary>
    private static bool LooksLikeMarkup(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("[system", StringComparison.Ordinal) || lower.Contains("system:", StringComparison.Ordinal) || lower.Contains("[sistema", StringComparison.Ordinal)
            || lower.Contains("sistema:", StringComparison.Ordinal) || lower.Contains("[admin", StringComparison.Ordinal) || lower.Contains("[developer", StringComparison.Ordinal) || lower.Contains("<|", StringComparison.Ordinal)
            || lower.Contains("[inst]", StringComparison.Ordinal) || lower.Contains("### instruction", StringComparison.Ordinal))
            return true;
        for (var i = text.IndexOf('<'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
            if ((char.IsLetter(text[i + 1]) || text[i + 1] == '/') && text.IndexOf('>', i) > i) return true;
        return false;
    }

    // A how-to question names an action without asking for it; "ayuda" alone, or a short
    // "help", asks for the menu, while "help me schedule a visit with ..." asks for the visit.
    private static bool IsHowTo(Cues c) =>
        !c.Has("como voy", "como vamos", "how am i doing")
        && (c.Has("como se", "como creo", "como hago", "como puedo", "como registro", "como agendo", "como cargo", "como subo", "como envio", "como funciona", "como le hago",
                "como doy", "como cambio", "como veo", "how do i", "how can i", "how to", "how does", "que puedes hacer", "que sabes hacer", "que sabe hacer", "que cosas sabe*",
                "que cosas puede*", "como es que", "como es eso", "como es para", "como se hace para", "como hago para", "explicame", "que le puedo pedir",
                "que te puedo pedir", "no se usar", "como se usa", "how does this work", "what can i ask", "what can you do", "can you do", "what can you", "what kind of things", "what kinds of things", "what can u do", "what do you do", "para que sirve*", "pa que sirve*", "que haces", "que hace usted")
            || c.Words.Count <= 4 && c.Has("ayuda", "ayudame", "help", "instrucciones", "tutorial", "menu", "comandos", "commands"));
}
