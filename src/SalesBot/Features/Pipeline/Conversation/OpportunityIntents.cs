using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Pipeline.Conversation;

/// <summary>
/// The deal sentences of NLU.md. A new deal opens its form; the pipeline answers at once; moving a
/// deal or marking it lost writes with no form, so the card shows the typed command it would run,
/// with Confirm and Cancel. A loss without its reason asks for it (the stage machine needs one).
/// </summary>
public static class OpportunityIntents
{
    public static IServiceCollection AddOpportunityIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.CreateOpportunity, (r, _) => new IntentCall(OpportunityActions.New, new CommandInput(IntentText.Value(r, "client"), null)), OpportunityActions.New)
        .AddIntent(NluIntents.ShowPipeline, (r, _) => new IntentCall(IntentText.Value(r, "scope") is "team" or "company" ? OpportunityActions.Team : OpportunityActions.Pipeline,
                new CommandInput(IntentText.Value(r, "stage"), null)),
            OpportunityActions.Pipeline, OpportunityActions.Team)
        .AddIntent(NluIntents.MoveOpportunityStage, Move, OpportunityActions.Move)
        .AddIntent(NluIntents.MarkOpportunityLost, Lost, OpportunityActions.Lost)
        .AddIntentPhrases(OpportunityPhrases.All, OpportunityPhrases.Examples);

    private static IntentCall? Move(Understanding reading, BotTurn turn)
    {
        if (IntentText.Value(reading, "client") is not { } client || IntentText.Value(reading, "stage") is not { } code || Stages.Codes.Parse(code) is not { } stage) return null;
        var typed = turn.Language == "en" ? $"move {client} to {code}" : $"mover {client} a {Stages.Codes.NamesOf(stage).Skip(1).FirstOrDefault() ?? code}";
        return new IntentCall(OpportunityActions.Move, new CommandInput(typed, null), typed);
    }

    private static IntentCall? Lost(Understanding reading, BotTurn turn)
    {
        if (IntentText.Value(reading, "client") is not { } client) return null;
        if (IntentText.Value(reading, "reason") is not { } reason) return new IntentCall(OpportunityActions.Lost, new CommandInput(client, null));
        var typed = (turn.Language == "en" ? "lost " : "perdida ") + client + ": " + reason;
        return new IntentCall(OpportunityActions.Lost, new CommandInput(typed, null), typed);
    }
}
