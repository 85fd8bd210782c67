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
        services.AddScoped<Pipeline.IDealHistorySource, OfferHistory>();
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
        services.AddOfferIntents();
        services.AddConversationCommand<MyApprovalsCommand>(OfferActions.Approvals, "command.offers.approvals", ("action.offers.approvals", 170), help: new HelpTopic(HelpArea.Approvals, 1, HelpTopic.Leads, Role.TeamLead | Role.CommercialDirector | Role.GeneralDirector));
        services.AddConversationCommand<NewOfferCommand>(OfferActions.New, "command.offers.new", help: new HelpTopic(HelpArea.PipelineAndOffers, 3));
        services.AddScoped<Bot.MessageExtension.IRecordButtons, OfferRecordButtons>();
        services.AddConversationCommand<ShowOfferCommand>(OfferActions.Show, "command.offers.show", help: new HelpTopic(HelpArea.PipelineAndOffers, 9));
        services.AddConversationCommand<SubmitOfferCommand>(OfferActions.Submit);
        services.AddConversationCommand<DelegateCommand>(OfferActions.Delegate, "command.offers.delegate", help: new HelpTopic(HelpArea.Approvals, 2, HelpTopic.Leads));
        services.AddConversationCommand<EndDelegationCommand>(OfferActions.EndDelegation, "command.offers.endDelegation", help: new HelpTopic(HelpArea.Approvals, 3, HelpTopic.Leads));
        services.AddConversationCommand<OfferSentCommand>(OfferActions.Sent, "command.offers.sent", help: new HelpTopic(HelpArea.PipelineAndOffers, 10));
        services.AddConversationCommand<OfferAcceptedCommand>(OfferActions.Accepted, "command.offers.accepted", help: new HelpTopic(HelpArea.PipelineAndOffers, 11));
        services.AddConversationCommand<OfferDeclinedCommand>(OfferActions.Declined, "command.offers.declined", help: new HelpTopic(HelpArea.PipelineAndOffers, 12));
        // The Action.Submit fallback of the approval buttons: the same names as their Action.Execute verbs.
        services.AddConversationCommand<DecideApprovalCommand>(OfferActions.Approve);
        services.AddConversationCommand<DecideApprovalCommand>(OfferActions.Reject);
        services.AddConversationCommand<DecideApprovalCommand>(OfferActions.Changes);
        return services;
    }
}
