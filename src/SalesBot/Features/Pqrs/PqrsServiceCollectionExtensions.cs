using SalesBot.Infrastructure.Scheduling;
using SalesBot.Bot;
using SalesBot.Features.Pqrs.Api;
using SalesBot.Features.Pqrs.Conversation;

namespace SalesBot.Features.Pqrs;

public static class PqrsServiceCollectionExtensions
{
    /// <summary>PQRs: registration (API and chat), routing, answers, and their chat commands.</summary>
    public static IServiceCollection AddPqrs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PqrOptions>().Bind(configuration.GetSection(PqrOptions.Section))
            .Validate(o => o.RequestsPerMinute is > 0 and <= 100_000, "Pqrs:RequestsPerMinute must be between 1 and 100000")
            .ValidateOnStart();
        services.AddPqrApiRateLimit();
        services.AddScoped<RegisterPqr>();
        services.AddScoped<PqrRouting>();
        services.AddScoped<AnswerPqr>();
        services.AddScoped<ListPqrs>();
        services.AddScoped<ImportPqrs>();
        services.AddScoped<PqrTimeliness>();
        services.AddScoped<ReassignPqr>();
        services.AddScoped<PqrReassignmentPolicy>();
        services.AddScoped<IPqrNotifications, PqrAssignmentCard>();
        services.AddDailyJob<PqrDeadlineSchedule, PqrDeadlineReminders>();
        services.AddScoped<PqrForm>();
        services.AddPhrases(PqrActions.Phrases);
        services.AddPqrIntents();
        services.AddConversationCommand<NewPqrCommand>(PqrActions.New, "command.pqrs.new", ("action.pqrs.new", 310), help: new HelpTopic(HelpArea.Pqrs, 2, HelpTopic.Anyone, Role.CustomerService));
        services.AddConversationCommand<RegisterPqrCommand>(PqrActions.Register);
        services.AddConversationCommand<MyPqrsCommand>(PqrActions.Mine, "command.pqrs.mine", ("action.pqrs.mine", 300), help: new HelpTopic(HelpArea.Pqrs, 1, HelpTopic.Anyone, Role.CustomerService));
        services.AddConversationCommand<AnswerPqrCommand>(PqrActions.Answer);
        services.AddConversationCommand<ReassignPqrCommand>(PqrActions.Reassign);
        services.AddConversationCommand<ShowPqrCommand>(PqrActions.Show, "command.pqrs.show", help: new HelpTopic(HelpArea.Pqrs, 4, HelpTopic.Anyone));
        services.AddScoped<Bot.MessageExtension.IRecordSource, PqrRecords>();
        services.AddConversationCommand<OverduePqrsCommand>(PqrActions.Overdue, "command.pqrs.overdue", help: new HelpTopic(HelpArea.Pqrs, 5, HelpTopic.Anyone, Role.CustomerService | Role.Admin));
        services.AddConversationCommand<PqrTimelinessCommand>(PqrActions.Timeliness, "command.pqrs.timeliness", ("action.pqrs.timeliness", 320), help: new HelpTopic(HelpArea.Indicators, 2, HelpTopic.Anyone));
        services.AddConversationCommand<PqrDueQuestionCommand>(PqrActions.Due, "command.pqrs.due", help: new HelpTopic(HelpArea.Pqrs, 3, HelpTopic.Anyone));
        return services;
    }
}
