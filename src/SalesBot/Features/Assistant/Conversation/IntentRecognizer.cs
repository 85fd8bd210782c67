using SalesBot.Features.Shared;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>A command name recognised in what the user typed, and what followed the command words.</summary>
public sealed record Intent(string Command, string Remainder);

public interface IIntentRecognizer
{
    Intent? Recognize(string text);
}

/// <summary>
/// The built-in recognizer used when no language model is configured: command words and common
/// phrasings in Spanish and English, matched after folding case, accents and punctuation.
/// </summary>
public sealed class BuiltInRecognizer : IIntentRecognizer
{
    private static readonly (string Phrase, string Command)[] Phrases = new (string, string)[]
    {
        ("ayuda", "help"), ("help", "help"), ("?", "help"), ("que puedes hacer", "help"), ("what can you do", "help"),
        ("comandos", "help"), ("commands", "help"),
        ("menu principal", "menu"), ("main menu", "menu"), ("menu", "menu"), ("inicio", "menu"), ("start", "menu"),
        ("opciones", "menu"), ("options", "menu"),
        ("idioma", "language"), ("language", "language"), ("lenguaje", "language"), ("cambiar idioma", "language"),
        ("change language", "language"),
        ("mi perfil", "profile"), ("perfil", "profile"), ("my profile", "profile"), ("profile", "profile"),
        ("quien soy", "profile"), ("who am i", "profile"), ("whoami", "profile"),
        ("nuevo cliente", "clients.new"), ("crear cliente", "clients.new"), ("registrar cliente", "clients.new"),
        ("new client", "clients.new"), ("add client", "clients.new"),
        ("buscar cliente", "clients.search"), ("buscar clientes", "clients.search"), ("busca cliente", "clients.search"),
        ("find client", "clients.search"), ("search client", "clients.search"), ("find clients", "clients.search"),
        ("mis clientes", "clients.search"), ("mi cartera", "clients.search"), ("cartera", "clients.search"),
        ("my clients", "clients.search"), ("my portfolio", "clients.search"),
        ("renegociaciones", "renegotiations.list"), ("renegotiations", "renegotiations.list"),
        ("renegociacion", "renegotiations.start"), ("renegociar", "renegotiations.start"), ("renegotiation", "renegotiations.start"),
        ("delegar", "offers.delegate"), ("delegate", "offers.delegate"),
        ("ya volvi", "offers.endDelegation"), ("volvi", "offers.endDelegation"), ("terminar delegacion", "offers.endDelegation"),
        ("i am back", "offers.endDelegation"), ("im back", "offers.endDelegation"),
        ("oferta enviada", "offers.sent"), ("offer sent", "offers.sent"),
        ("oferta aceptada", "offers.accepted"), ("offer accepted", "offers.accepted"),
        ("oferta rechazada", "offers.declined"), ("offer declined", "offers.declined"),
        ("nueva oferta", "offers.new"), ("crear oferta", "offers.new"), ("new offer", "offers.new"),
        ("mis aprobaciones", "offers.approvals"), ("aprobaciones", "offers.approvals"), ("aprobaciones pendientes", "offers.approvals"),
        ("my approvals", "offers.approvals"), ("approvals", "offers.approvals"),
        ("oferta", "offers.show"), ("ver oferta", "offers.show"), ("offer", "offers.show"),
        ("nueva oportunidad", "opportunities.new"), ("crear oportunidad", "opportunities.new"), ("nuevo proyecto de venta", "opportunities.new"),
        ("new opportunity", "opportunities.new"), ("new deal", "opportunities.new"),
        ("mi pipeline", "opportunities.pipeline"), ("pipeline", "opportunities.pipeline"), ("mis oportunidades", "opportunities.pipeline"),
        ("my pipeline", "opportunities.pipeline"), ("my deals", "opportunities.pipeline"),
        ("pipeline del equipo", "opportunities.team"), ("team pipeline", "opportunities.team"),
        ("mover", "opportunities.move"), ("move", "opportunities.move"), ("pasar", "opportunities.move"),
        ("perdida", "opportunities.lost"), ("perdimos", "opportunities.lost"), ("lost", "opportunities.lost"),
        ("editar oportunidad", "opportunities.edit"), ("edit opportunity", "opportunities.edit"),
        ("historial", "opportunities.history"), ("history", "opportunities.history"),
        ("agendar visita", "visits.new"), ("programar visita", "visits.new"), ("nueva visita", "visits.new"), ("agenda visita", "visits.new"),
        ("schedule visit", "visits.new"), ("schedule a visit", "visits.new"), ("new visit", "visits.new"),
        ("registrar visita", "visits.logNew"), ("reportar visita", "visits.logNew"), ("log visit", "visits.logNew"), ("log a visit", "visits.logNew"),
        ("mis visitas", "visits.mine"), ("my visits", "visits.mine"), ("visitas", "visits.mine"), ("visits", "visits.mine"),
        ("visitas del equipo", "visits.team"), ("visitas de mi equipo", "visits.team"), ("team visits", "visits.team"),
        ("plan de visitas", "visits.plan"), ("visit plan", "visits.plan"),
        ("cumplimiento de visitas", "visits.compliance"), ("cumplimiento", "visits.compliance"), ("visit compliance", "visits.compliance"),
        ("nueva pqr", "pqrs.new"), ("registrar pqr", "pqrs.new"), ("radicar pqr", "pqrs.new"), ("new pqr", "pqrs.new"),
        ("register pqr", "pqrs.new"),
        ("indicador pqr", "pqrs.timeliness"), ("indicadores pqr", "pqrs.timeliness"), ("indicador de pqr", "pqrs.timeliness"),
        ("oportunidad pqr", "pqrs.timeliness"), ("oportunidad de respuesta", "pqrs.timeliness"), ("pqr a tiempo", "pqrs.timeliness"),
        ("pqr timeliness", "pqrs.timeliness"), ("pqrs timeliness", "pqrs.timeliness"), ("timeliness", "pqrs.timeliness"),
        ("pqr vencidas", "pqrs.overdue"), ("pqrs vencidas", "pqrs.overdue"), ("overdue pqrs", "pqrs.overdue"),
        ("cuando vence", "pqrs.due"), ("cuando se vence", "pqrs.due"), ("vencimiento de", "pqrs.due"), ("when is", "pqrs.due"),
        ("pqr", "pqrs.show"), ("ver pqr", "pqrs.show"), ("show pqr", "pqrs.show"),
        ("mis pqr", "pqrs.mine"), ("mis pqrs", "pqrs.mine"), ("my pqrs", "pqrs.mine"), ("my pqr", "pqrs.mine"),
        ("hola", "welcome"), ("buenos dias", "welcome"), ("buenas tardes", "welcome"), ("buenas noches", "welcome"),
        ("hi", "welcome"), ("hello", "welcome"), ("hey", "welcome"), ("good morning", "welcome"),
    }.OrderByDescending(p => p.Item1.Length).ToArray();

    /// <summary>Every phrase and the command it names, longest first.</summary>
    public static IReadOnlyList<(string Phrase, string Command)> Vocabulary => Phrases;

    public Intent? Recognize(string text)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0) return null;
        foreach (var (phrase, command) in Phrases)
        {
            if (folded == phrase) return new Intent(command, "");
            if (folded.StartsWith(phrase + " ", StringComparison.Ordinal))
                return new Intent(command, Remainder(text, phrase.Split(' ').Length));
        }
        return null;
    }

    /// <summary>What followed the command words, as the user wrote it (case and accents kept: "Tienda Azul").</summary>
    private static string Remainder(string text, int commandWords)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // Leading punctuation such as "¿" is its own word only when separated by a space; skip empty folds.
        var skipped = 0;
        var index = 0;
        while (index < words.Length && skipped < commandWords)
        {
            if (TextFolding.Fold(words[index]).Length > 0) skipped += TextFolding.Fold(words[index]).Split(' ').Length;
            index++;
        }
        return string.Join(' ', words.Skip(index)).Trim();
    }
}
