using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// The offer sentences of NLU.md: submitting an offer opens the offer form of the client's deal
/// (nothing goes for approval until it is submitted); the approvals waiting for me answer at once.
/// An approval is never taken from a sentence: the reader never reads one, and no route writes one.
/// </summary>
public static class OfferIntents
{
    public static IServiceCollection AddOfferIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.SubmitOffer, (r, _) => IntentText.Value(r, "client") is { } client ? new IntentCall(OfferActions.New, new CommandInput(client, null)) : null, OfferActions.New)
        .AddIntent(NluIntents.ListPendingApprovals, (_, _) => new IntentCall(OfferActions.Approvals, CommandInput.Empty), OfferActions.Approvals)
        .AddIntentPhrases(OfferPhrases.All, OfferPhrases.Examples);
}
