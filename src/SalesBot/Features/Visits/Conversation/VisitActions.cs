using SalesBot.Bot;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// What users can ask of visits: each action's name (a typed command, a card's "command" value or
/// Action.Execute verb: one name for both) and the phrases that ask for it, registered with the
/// feature (see <see cref="ConversationCommands"/>).
/// </summary>
public static class VisitActions
{
    public const string Mine = "visits.mine";
    public const string New = "visits.new";
    public const string LogNew = "visits.logNew";
    public const string Team = "visits.team";
    public const string Plan = "visits.plan";
    public const string Compliance = "visits.compliance";
    public const string Schedule = "visits.schedule";
    public const string LogForm = "visits.logForm";
    public const string RescheduleForm = "visits.rescheduleForm";
    public const string Log = "visits.log";
    public const string Cancel = "visits.cancel";

    public static readonly PhraseSet Phrases = new(
    [
        ("agendar visita", New),
        ("programar visita", New),
        ("nueva visita", New),
        ("agenda visita", New),
        ("schedule visit", New),
        ("schedule a visit", New),
        ("new visit", New),
        ("registrar visita", LogNew),
        ("reportar visita", LogNew),
        ("log visit", LogNew),
        ("log a visit", LogNew),
        ("mis visitas", Mine),
        ("my visits", Mine),
        ("visitas", Mine),
        ("visits", Mine),
        ("visitas del equipo", Team),
        ("visitas de mi equipo", Team),
        ("team visits", Team),
        ("plan de visitas", Plan),
        ("visit plan", Plan),
        ("cumplimiento de visitas", Compliance),
        ("cumplimiento", Compliance),
        ("visit compliance", Compliance),
    ]);
}
