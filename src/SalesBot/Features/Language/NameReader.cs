namespace SalesBot.Features.Language;

/// <summary>The names a message states: the client, a contact person, a place, and why a deal was lost.</summary>
public sealed record NamesRead(string? Client, string? Contact, string? Location, string? Reason);

/// <summary>
/// Names as the user wrote them (their spelling, typos included), found after the words that
/// introduce them ("a", "con los de", "donde", "cliente", "with") and made of capitalised words,
/// or of any words after a cue that can only introduce a client ("los de postobon"). Honorifics
/// and roles are dropped from people ("la licenciada Roxana Suárez" is "Roxana Suárez"); a role
/// alone ("el gerente") is nobody. These are not resolved here: the bot matches them against the
/// records the user may see.
/// </summary>
public static class NameReader
{
    /// <param name="EndsClause">the word was followed by a comma, colon, semicolon or sentence mark: a name does not run past it.</param>
    private sealed record Token(string Raw, string Word, bool EndsClause = false)
    {
        public bool Capitalised => Raw.Length > 0 && char.IsUpper(Raw[0]);
    }

    private static readonly string[][] StrongClientCues =
        [["con", "los", "de"], ["con", "la", "gente", "de"], ["los", "de"], ["la", "gente", "de"], ["donde"], ["cliente"], ["client"], ["customer"], ["prospecto"], ["prospect"]];

    // Words after which a capitalised name is the client; the leftmost such name wins ("la visita del Banco de Bogotá").
    private static readonly string[][] ClientCues =
        [["estuve", "en"], ["estuvimos", "en"], ["visitar"], ["visite"], ["visit"], ["visited"], ["a"], ["al"], ["con"], ["w/"], ["w"], ["de"], ["del"], ["para"], ["with"], ["to"], ["at"],
         ["for"], ["from"], ["tenemos"], ["ganamos"], ["perdimos"], ["won"], ["lost"], ["find"], ["busca"], ["buscar"], ["oportunidad"], ["opportunity"], ["opp"]];

    // Who is met: "con", "with" and their short forms, and "contacto" in a list of fields.
    private static readonly HashSet<string> PersonCues = ["con", "with", "w/", "w", "contacto", "contact"];

    // Intents whose sentences name a contact: elsewhere "con Pollos Mario" can only be the client.
    private static readonly HashSet<string> IntentsWithContacts =
        [NluIntents.LogVisit, NluIntents.ScheduleVisit, NluIntents.RescheduleVisit, NluIntents.CancelVisit, NluIntents.CreateClient, NluIntents.RegisterPqr];

    public static NamesRead Read(string text, string intent)
    {
        var tokens = Tokens(text);
        var client = Client(tokens, IntentsWithContacts.Contains(intent), out var clientSpan);
        var contact = Contact(tokens, clientSpan);
        var location = Location(tokens, clientSpan);
        var reason = intent == NluIntents.MarkOpportunityLost ? Reason(text) : null;
        return new NamesRead(client, contact, location, reason);
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        foreach (var piece in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var raw = piece.Trim('¿', '?', '¡', '!', ',', ';', ':', '"', '“', '”', '«', '»', '(', ')', '.');
            if (raw.Length == 0) continue;
            var word = LanguageText.Simplify(raw).Replace(".", "", StringComparison.Ordinal);
            // "Sofía Ltda." keeps its abbreviation's dot; any other sentence mark ends the clause.
            if (piece.EndsWith('.') && IsCompanySuffix(word)) raw += ".";
            var ends = piece.Length > 0 && piece[^1] is ',' or ';' or ':' or '?' or '!' or ')' || piece.EndsWith('.') && !IsCompanySuffix(word) && !NameWords.Honorifics.Contains(word);
            tokens.Add(new Token(raw, word, ends));
        }
        return tokens;
    }

    private static int After(List<Token> tokens, string[] cue, int from)
    {
        for (var i = from; i + cue.Length <= tokens.Count; i++)
            if (cue.Select((w, j) => tokens[i + j].Word == w).All(x => x)) return i + cue.Length;
        return -1;
    }

    private static string? Client(List<Token> tokens, bool withContacts, out (int Start, int End) span)
    {
        span = (-1, -1);
        (int Start, int End)? lastResort = null;
        foreach (var cue in StrongClientCues)
        {
            var start = After(tokens, cue, 0);
            if (start < 0) continue;
            start = SkipArticles(tokens, start);
            // "los de postobon" and "donde" introduce nothing but a client; after "cliente" a lowercase word is the sentence going on ("el cliente congeló").
            if (cue is ["cliente"] or ["client"] or ["customer"] or ["prospecto"] or ["prospect"] && (start >= tokens.Count || !tokens[start].Capitalised)
                && !AfterSearchOrCreate(tokens, start - cue.Length)) continue;
            // A capitalised name is its run of capitals; a lowercase one ("los de postobon") runs to the next stop word.
            var end = start;
            if (start < tokens.Count && tokens[start].Capitalised) end = CanStartName(tokens, start) ? CapitalisedRun(tokens, start) : start;
            else
                while (end < tokens.Count && (!NameWords.Stops.Contains(tokens[end].Word) && !IsNumberish(tokens[end].Word) || JoinsCapitalised(tokens, end, start)))
                    if (tokens[end++].EndsClause) break;
            if (end > start && !NameWords.NotNames.Contains(tokens[start].Word))
            {
                span = (start, end);
                return Join(tokens, start, end);
            }
        }
        for (var at = 0; at < tokens.Count; at++)
            foreach (var cue in ClientCues)
            {
                if (!StartsWith(tokens, cue, at) || tokens[at + cue.Length - 1].EndsClause) continue;
                // "Hilados del Quindío": a joiner between capitals is inside a name, not before one.
                if (at > 0 && tokens[at - 1].Capitalised && !tokens[at - 1].EndsClause && NameWords.Joiners.Contains(tokens[at].Word)) continue;
                var start = SkipArticles(tokens, at + cue.Length);
                if (!CanStartName(tokens, start)) continue;
                var end = CapitalisedRun(tokens, start);
                // "con Carlos Ruiz" in a visit is the person met, not the client, unless the sentence names no other company.
                if (withContacts && PersonCues.Contains(cue[0]) && cue.Length == 1 && LooksLikePerson(tokens, start, end))
                {
                    lastResort ??= (start, end);
                    continue;
                }
                span = (start, end);
                return Join(tokens, start, end);
            }
        // No word introduces it: the first capitalised name after the opening word that is not a
        // person met ("bump Northwind to negotiation", "submit the Litware offer", "¿existe Elektra?").
        for (var start = 0; start < tokens.Count; start++)
        {
            // A name starts where capitals start: "Gómez" in "Patricia Gómez" is not one.
            if (!CanStartName(tokens, start) || NameWords.CommandVerbs.Contains(tokens[start].Word)
                || start > 0 && tokens[start - 1].Capitalised && !tokens[start - 1].EndsClause && !(start == 1 && NameWords.CommandVerbs.Contains(tokens[0].Word)))
                continue;
            var end = CapitalisedRun(tokens, start);
            // The opening word is capitalised anyway: a name there is a company name of its shape ("Hilados del Quindío: ...", "Importadora Chuquiago ya existe?").
            if (start == 0 && !(end - start >= 2 && HasCompanyWord(tokens, start, end) || tokens[end - 1].EndsClause && end - start >= 2)) continue;
            var before = start > 0 ? tokens[start - 1].Word : "";
            // "... en Ramos Arizpe": a place.
            if (before is "en" or "in") continue;
            if (PersonCues.Contains(before) || NameWords.Honorifics.Contains(before) || before is "to" or "met" or "talked" && LooksLikePerson(tokens, start, end)) continue;
            span = (start, end);
            return Join(tokens, start, end);
        }
        if (lastResort is { } only)
        {
            span = only;
            return Join(tokens, only.Start, only.End);
        }
        return null;
    }

    // "busque el cliente colsanitas", "crea el cliente panadería la espiga": a name follows, whatever its case.
    private static bool AfterSearchOrCreate(List<Token> tokens, int cueAt)
    {
        var i = cueAt - 1;
        while (i >= 0 && tokens[i].Word is "el" or "la" or "al" or "a" or "un" or "una" or "the" or "a" or "new") i--;
        return i >= 0 && (tokens[i].Word.StartsWith("busc", StringComparison.Ordinal) || tokens[i].Word.StartsWith("busq", StringComparison.Ordinal)
            || tokens[i].Word.StartsWith("cre", StringComparison.Ordinal) || tokens[i].Word.StartsWith("registr", StringComparison.Ordinal)
            || tokens[i].Word is "find" or "search" or "add" or "create" or "register" or "nuevo" or "new");
    }

    private static bool StartsWith(List<Token> tokens, string[] cue, int at) =>
        at + cue.Length <= tokens.Count && cue.Select((w, j) => tokens[at + j].Word == w).All(x => x);

    private static bool CanStartName(List<Token> tokens, int start) =>
        start < tokens.Count && tokens[start].Capitalised && !NameWords.Honorifics.Contains(tokens[start].Word) && !NameWords.NotNames.Contains(tokens[start].Word) && !NameWords.EndsAName.Contains(tokens[start].Word)
        && !(NameWords.Stops.Contains(tokens[start].Word) && !JoinsCapitalised(tokens, start, start - 1)) && !tokens[start].Word.Any(char.IsDigit) && tokens[start].Word.Any(char.IsLetter) && tokens[start].Word.Length > 1 && tokens[start].Word is not ("mm" or "mil" or "k");

    private static string? Contact(List<Token> tokens, (int Start, int End) client)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i >= client.Start && i < client.End) continue;
            var honorific = NameWords.Honorifics.Contains(tokens[i].Word) || NameWords.Roles.Contains(tokens[i].Word) || tokens[i].Word is "contacto" or "contact" or "by";
            var afterWith = PersonCues.Contains(tokens[i].Word) && i + 1 < tokens.Count && i + 1 != client.Start;
            if (!honorific && !afterWith) continue;
            var start = i + 1;
            while (start < tokens.Count && (NameWords.Honorifics.Contains(tokens[start].Word) || tokens[start].Word is "el" or "la" or "los" or "the" or "es" or "is")) start++;
            if (start >= tokens.Count || !tokens[start].Capitalised || NameWords.NotNames.Contains(tokens[start].Word) || start == client.Start) continue;
            var end = start;
            while (end < tokens.Count && tokens[end].Capitalised && !NameWords.Stops.Contains(tokens[end].Word) && !NameWords.NotNames.Contains(tokens[end].Word) && end - start < 4)
                if (tokens[end++].EndsClause) break;
            if (tokens[i].Word == "by" && !LooksLikePerson(tokens, start, end)) continue;
            if (end > start && (honorific || LooksLikePerson(tokens, start, end) || client.Start >= 0)) return Join(tokens, start, end);
        }
        return null;
    }

    private static string? Location(List<Token> tokens, (int Start, int End) client)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Word is not ("en" or "in") || i + 1 >= tokens.Count || i + 1 == client.Start) continue;
            var start = SkipArticles(tokens, i + 1);
            // A place is named ("en Santa Cruz") or is a site of the client's ("en la bodega de Siberia"); "en la tarde" is a time.
            if (start >= tokens.Count || !tokens[start].Capitalised && tokens[start].Word is not ("bodega" or "oficina" or "oficinas" or "sede" or "planta" or "sucursal" or "office" or "warehouse" or "plant" or "branch"))
                continue;
            var end = start;
            var lastCapital = -1;
            while (end < tokens.Count && end - start < 6 && (!NameWords.Stops.Contains(tokens[end].Word) || tokens[end].Word is "de" or "del" || tokens[end].Capitalised && end == start)
                && !IsNumberish(tokens[end].Word) && !PersonCues.Contains(tokens[end].Word))
            {
                if (tokens[end].Capitalised) lastCapital = end;
                if (tokens[end++].EndsClause) break;
            }
            if (lastCapital >= start && !(start >= client.Start && start < client.End)) return Join(tokens, start, lastCapital + 1);
        }
        return null;
    }

    /// <summary>Why the deal was lost: what follows "por", "porque", "because", "motivo".</summary>
    private static string? Reason(string text)
    {
        var simplified = LanguageText.Simplify(text);
        foreach (var cue in new[] { " porque ", " por culpa de ", " debido a ", " por ", " because of ", " because ", " due to ", " motivo ", " razon " })
        {
            var at = (" " + simplified + " ").IndexOf(cue, StringComparison.Ordinal);
            if (at < 0) continue;
            // Cut in the original text at the same word count, so the reason keeps its accents.
            var wordsBefore = (" " + simplified + " ")[..(at + cue.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var original = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (wordsBefore >= original.Length) continue;
            var reason = WithoutTrailingSymbols(string.Join(' ', original.Skip(wordsBefore)));
            // "por precio, la competencia les dejó…": the reason is the clause the cue opens.
            var clauseEnd = reason.IndexOfAny([',', ';', '.']);
            if (clauseEnd > 0) reason = WithoutTrailingSymbols(reason[..clauseEnd]);
            if (reason.StartsWith("el ", StringComparison.OrdinalIgnoreCase) || reason.StartsWith("la ", StringComparison.OrdinalIgnoreCase)) reason = reason[3..];
            return reason.Length > 0 ? reason : null;
        }
        // "perdimos Saguapac, eligieron a otro proveedor": the clause after the deal says why.
        var comma = text.LastIndexOfAny([',', ';']);
        var clause = comma < 0 ? "" : WithoutTrailingSymbols(text[(comma + 1)..]);
        return clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 ? clause : null;
    }

    // "por falta de presupuesto 😞": the reason is the words, not the mood.
    private static string WithoutTrailingSymbols(string text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1])) end--;
        return text[..end].Trim();
    }

    private static int SkipArticles(List<Token> tokens, int i)
    {
        while (i < tokens.Count && tokens[i].Word is "el" or "la" or "los" or "las" or "the" or "lo" && !tokens[i].Capitalised) i++;
        return i;
    }

    private static int CapitalisedRun(List<Token> tokens, int start)
    {
        var end = start + 1;
        while (end < tokens.Count && !tokens[end - 1].EndsClause
               && (tokens[end].Capitalised && !NameWords.EndsAName.Contains(tokens[end].Word) && (!NameWords.Honorifics.Contains(tokens[end].Word) || end - start >= 2 || HasCompanyWord(tokens, start, end))
                   && !(NameWords.Stops.Contains(tokens[end].Word) && tokens[end].Raw.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)))
                   || JoinsCapitalised(tokens, end, start) || IsCompanySuffix(tokens[end].Word)))
            end++;
        return end;
    }

    private static bool JoinsCapitalised(List<Token> tokens, int i, int start) =>
        i > start && NameWords.Joiners.Contains(tokens[i].Word) && !tokens[i - 1].EndsClause && i + 1 < tokens.Count
        && (tokens[i + 1].Capitalised && !NameWords.EndsAName.Contains(tokens[i + 1].Word) || NameWords.Joiners.Contains(tokens[i + 1].Word) && JoinsCapitalised(tokens, i + 1, start));

    private static bool IsCompanySuffix(string word) => word is "sas" or "sa" or "ltda" or "s" or "inc" or "llc" or "corp" or "cia" or "srl" or "sac";

    private static bool IsNumberish(string word) => word.Length > 0 && (char.IsDigit(word[0]) || word[0] == '$');

    // A person is two or three capitalised words (a name and a surname) with no company word among
    // them; one word alone after "con" is a company ("agéndeme con Bavaria"), a first name alone rare in a visit.
    private static bool LooksLikePerson(List<Token> tokens, int start, int end) => end - start is >= 2 and <= 3 && !HasCompanyWord(tokens, start, end);

    private static bool HasCompanyWord(List<Token> tokens, int start, int end) =>
        Enumerable.Range(start, end - start).Any(i => NameWords.CompanyWords.Contains(tokens[i].Word) || IsCompanySuffix(tokens[i].Word));

    private static string Join(List<Token> tokens, int start, int end) => string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Raw));
}
