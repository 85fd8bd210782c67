using SalesBot.Bot;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>
/// What users can ask of PQRs: each action's name (a typed command, a card's "command" value or
/// Action.Execute verb: one name for both) and the phrases that ask for it, registered with the
/// feature (see <see cref="ConversationCommands"/>).
/// </summary>
public static class PqrActions
{
    public const string New = "pqrs.new";
    public const string Register = "pqrs.register";
    public const string Mine = "pqrs.mine";
    public const string Answer = "pqrs.answer";
    public const string Reassign = "pqrs.reassign";
    public const string Show = "pqrs.show";
    public const string Overdue = "pqrs.overdue";
    public const string Timeliness = "pqrs.timeliness";
    public const string Due = "pqrs.due";

    public static readonly PhraseSet Phrases = new(
    [
        ("nueva pqr", New),
        ("registrar pqr", New),
        ("radicar pqr", New),
        ("new pqr", New),
        ("register pqr", New),
        ("indicador pqr", Timeliness),
        ("indicadores pqr", Timeliness),
        ("indicador de pqr", Timeliness),
        ("oportunidad pqr", Timeliness),
        ("oportunidad de respuesta", Timeliness),
        ("pqr a tiempo", Timeliness),
        ("pqr timeliness", Timeliness),
        ("pqrs timeliness", Timeliness),
        ("timeliness", Timeliness),
        ("pqr vencidas", Overdue),
        ("pqrs vencidas", Overdue),
        ("overdue pqrs", Overdue),
        ("cuando vence", Due),
        ("cuando se vence", Due),
        ("vencimiento de", Due),
        ("when is", Due),
        ("pqr", Show),
        ("ver pqr", Show),
        ("show pqr", Show),
        ("mis pqr", Mine),
        ("mis pqrs", Mine),
        ("my pqrs", Mine),
        ("my pqr", Mine),
    ]);
}
