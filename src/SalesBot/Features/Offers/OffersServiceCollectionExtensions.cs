using SalesBot.Bot;
using SalesBot.Features.Offers.Conversation;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Offers;

public static class OffersServiceCollectionExtensions
{
    /// <summary>Offers and their approval chain: policy, approvers, decisions exactly once, the approval card.</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApprovalOptions>>(new ValidateOptions<ApprovalOptions>(null, o => o.Problem() is null,
            "Approvals: thresholds must be positive, the general director's at least the commercial director's, and escalation after the reminder"));
        services.AddScoped<ApproverResolver>();
        services.AddScoped<SubmitOffer>();
        services.AddScoped<DecideApproval>();
        services.AddScoped<ReadOffers>();
        services.AddScoped<ApprovalCard>();
        services.AddScoped<OfferForm>();
        services.AddScoped<ClientDecision>();
        services.AddScoped<Delegations>();
        services.AddScoped<ClientDecisionReply>();
        services.AddScoped<IApprovalNotifications, ApprovalNotice>();
        services.AddCardAction<ApprovalActions>(OfferActions.Approve, OfferActions.Reject, OfferActions.Changes, OfferActions.Refresh);
        services.AddScoped<IPersonalChatOpened, PendingApprovalsOnOpen>();
        services.AddDailyJob<ApprovalReminderSchedule, ApprovalReminders>();
        services.AddPhrases(OfferActions.Phrases);
        services.AddConversationCommand<MyApprovalsCommand>(OfferActions.Approvals, "command.offers.approvals", ("action.offers.approvals", 170));
        services.AddConversationCommand<NewOfferCommand>(OfferActions.New, "command.offers.new");
        services.AddConversationCommand<ShowOfferCommand>(OfferActions.Show, "command.offers.show");
        services.AddConversationCommand<SubmitOfferCommand>(OfferActions.Submit);
        services.AddConversationCommand<DelegateCommand>(OfferActions.Delegate, "command.offers.delegate");
        services.AddConversationCommand<EndDelegationCommand>(OfferActions.EndDelegation, "command.offers.endDelegation");
        services.AddConversationCommand<OfferSentCommand>(OfferActions.Sent, "command.offers.sent");
        services.AddConversationCommand<OfferAcceptedCommand>(OfferActions.Accepted, "command.offers.accepted");
        services.AddConversationCommand<OfferDeclinedCommand>(OfferActions.Declined, "command.offers.declined");
        // The Action.Submit fallback of the approval buttons: the same names as their Action.Execute verbs.
        services.AddConversationCommand<DecideApprovalCommand>(OfferActions.Approve);
        services.AddConversationCommand<DecideApprovalCommand>(OfferActions.Reject);
        services.AddConversationCommand<DecideApprovalCommand>(OfferActions.Changes);
        return services;
    }
}
