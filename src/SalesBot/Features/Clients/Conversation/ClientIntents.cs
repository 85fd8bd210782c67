using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>The client sentences of NLU.md: a new client opens the form with its name; a look-up searches the portfolio.</summary>
public static class ClientIntents
{
    public static IServiceCollection AddClientIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.CreateClient, (r, _) => new IntentCall(ClientActions.New, new CommandInput(IntentText.Value(r, "client"), null)), ClientActions.New)
        .AddIntent(NluIntents.FindClient, (r, _) => new IntentCall(ClientActions.Search, new CommandInput(IntentText.Value(r, "client"), null)), ClientActions.Search)
        .AddIntentPhrases(ClientPhrases.All, ClientPhrases.Examples);
}
