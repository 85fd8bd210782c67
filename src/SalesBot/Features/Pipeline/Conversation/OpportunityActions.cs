using SalesBot.Bot;

namespace SalesBot.Features.Pipeline.Conversation;

/// <summary>
/// What users can ask of the pipeline: each action's name (a typed command, a card's "command" value or
/// Action.Execute verb: one name for both) and the phrases that ask for it, registered with the
/// feature (see <see cref="ConversationCommands"/>).
/// </summary>
public static class OpportunityActions
{
    public const string Pipeline = "opportunities.pipeline";
    public const string New = "opportunities.new";
    public const string Team = "opportunities.team";
    public const string Move = "opportunities.move";
    public const string Lost = "opportunities.lost";
    public const string Edit = "opportunities.edit";
    public const string History = "opportunities.history";
    public const string Save = "opportunities.save";

    public static readonly PhraseSet Phrases = new(
    [
        ("nueva oportunidad", New),
        ("crear oportunidad", New),
        ("nuevo proyecto de venta", New),
        ("new opportunity", New),
        ("new deal", New),
        ("mi pipeline", Pipeline),
        ("pipeline", Pipeline),
        ("mis oportunidades", Pipeline),
        ("my pipeline", Pipeline),
        ("my deals", Pipeline),
        ("pipeline del equipo", Team),
        ("team pipeline", Team),
        ("mover", Move),
        ("move", Move),
        ("pasar", Move),
        ("perdida", Lost),
        ("perdimos", Lost),
        ("lost", Lost),
        ("editar oportunidad", Edit),
        ("edit opportunity", Edit),
        ("historial", History),
        ("history", History),
    ]);
}
