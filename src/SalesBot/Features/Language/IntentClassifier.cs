namespace SalesBot.Features.Language;

/// <summary>
/// Which intent a message asks for. What must never act (injections, approvals typed in chat),
/// how-to questions and thanks are settled here, by the contract (NLU.md); then the phrases each
/// feature registered are tried in <see cref="PhraseOrder"/>; a message none of them placed is
/// compared to the features' examples with more typos forgiven, and is none only when that fails too.
/// </summary>
public sealed class IntentClassifier
{
    private readonly IntentPhrase[] _phrases;
    private readonly (string Intent, string[] Words)[] _examples;

    public IntentClassifier(IEnumerable<IntentPhrase> phrases, IEnumerable<IntentExample> examples)
    {
        // OrderBy is stable: within one step, a feature's phrases keep their registration order.
        _phrases = phrases.OrderBy(p => p.Order).ToArray();
        _examples = examples.Select(e => (e.Intent, LanguageText.Simplify(e.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .OrderByDescending(e => e.Item2.Length).ToArray();
    }

    public string Classify(string text, ReadingContext context)
    {
        var sentence = new Sentence(text, context);
        var c = sentence.Cues;
        if (c.Words.Count == 0) return NluIntents.None;

        if (NeverActs(sentence) || LooksLikeMarkup(text)) return NluIntents.None;
        if (IsHowTo(c)) return NluIntents.Help;
        if (c.OnlyOf("gracias", "muchas", "mil", "thanks", "thank", "you", "ty", "ok", "okay", "listo", "vale", "perfecto", "super", "genial", "great"))
            return NluIntents.None;

        foreach (var phrase in _phrases)
            if (phrase.Says(sentence)) return phrase.Intent;
        return LikeAnExample(c) ?? NluIntents.None;
    }

    /// <summary>
    /// The intent of the longest example whose every word the message says, each with up to two
    /// typos when long ("reprgramr la vsita"), or by its first five letters ("agendeme" for "agendar").
    /// Examples are a few key words, never a name: what is said about a client, not who.
    /// </summary>
    private string? LikeAnExample(Cues c)
    {
        foreach (var (intent, words) in _examples)
            if (words.Length >= 2 && words.All(w => c.Words.Any(said => Near(said, w)))) return intent;
        return null;
    }

    private static bool Near(string said, string word)
    {
        if (Cues.Matches(said, word)) return true;
        if (word.Length >= 5 && said.Length >= 5 && said.AsSpan(0, 5).SequenceEqual(word.AsSpan(0, 5))) return true;
        return word.Length >= 6 && Math.Abs(said.Length - word.Length) <= 2 && Cues.Distance(said, word, 2) <= 2;
    }

    /// <summary>
    /// Whether the text is something no reader may act on, whatever else it says: instructions to
    /// the bot, code, markup, text posing as the system, approvals typed in chat. A language model
    /// is not even asked about it.
    /// </summary>
    public static bool MustNeverAct(string text, ReadingContext context) => NeverActs(new Sentence(text, context)) || LooksLikeMarkup(text);

    /// <summary>
    /// What the bot must never act on from chat: instructions to itself, code and shell, and
    /// approvals (an offer is approved only from its card, by the approver).
    /// </summary>
    private static bool NeverActs(Sentence s)
    {
        var c = s.Cues;
        var simplified = s.Simplified;
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
        var sendsForApproval = (s.NamesOffer || c.Has("propuesta", "proposal")) && c.Has("envia*", "envie*", "enviar", "manda*", "mande*", "sube*", "subir", "submit*", "send", "pasa*", "para que", "a aprobar");
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
