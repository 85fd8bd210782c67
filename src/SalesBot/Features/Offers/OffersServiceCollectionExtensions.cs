using Microsoft.Extensions.Options;
using SalesBot.Bot;
using SalesBot.Features.Offers.Conversation;

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
        services.AddScoped<ICardActionHandler, ApprovalActions>();
        services.AddScoped<IPersonalChatOpened, PendingApprovalsOnOpen>();
        services.AddSingleton<Infrastructure.Scheduling.IDailyJob, ApprovalReminders>();
        services.AddConversationCommand<MyApprovalsCommand>("offers.approvals", "command.offers.approvals", ("action.offers.approvals", 170));
        services.AddConversationCommand<NewOfferCommand>("offers.new", "command.offers.new");
        services.AddConversationCommand<ShowOfferCommand>("offers.show", "command.offers.show");
        services.AddConversationCommand<SubmitOfferCommand>("offers.submit");
        services.AddConversationCommand<DelegateCommand>("offers.delegate", "command.offers.delegate");
        services.AddConversationCommand<EndDelegationCommand>("offers.endDelegation", "command.offers.endDelegation");
        services.AddConversationCommand<OfferSentCommand>("offers.sent", "command.offers.sent");
        services.AddConversationCommand<OfferAcceptedCommand>("offers.accepted", "command.offers.accepted");
        services.AddConversationCommand<OfferDeclinedCommand>("offers.declined", "command.offers.declined");
        services.AddConversationCommand<DecideApprovalCommand>("offers.decide");
        return services;
    }
}
