using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>
/// The PQR sentences of NLU.md: a new filing opens the registration form with its radicado; the
/// lists answer at once; "when is it due" shows the PQR of that radicado (its due date on top),
/// or, with no radicado, is left to the typed command "cuándo vence ...", which computes it.
/// </summary>
public static class PqrIntents
{
    public static IServiceCollection AddPqrIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.RegisterPqr, (r, _) => new IntentCall(PqrActions.New, new CommandInput(IntentText.Value(r, "radicado"), null)), PqrActions.New)
        .AddIntent(NluIntents.ListPqrs, (r, _) => new IntentCall(PqrActions.Mine, new CommandInput(IntentText.Days(r), null)), PqrActions.Mine, PqrActions.Overdue, PqrActions.Show)
        .AddIntent(NluIntents.PqrDueDate, (r, _) => IntentText.Value(r, "radicado") is { } radicado ? new IntentCall(PqrActions.Show, new CommandInput(radicado, null)) : null,
            PqrActions.Due, PqrActions.Show)
        .AddIntentPhrases(PqrPhrases.All, PqrPhrases.Examples);
}
