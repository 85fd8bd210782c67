using SalesBot.Bot;
using SalesBot.Features.Visits.Calendar;
using SalesBot.Infrastructure.Graph;
using SalesBot.Infrastructure.Outbox;
using SalesBot.Features.Visits.Conversation;

namespace SalesBot.Features.Visits;

public static class VisitsServiceCollectionExtensions
{
    /// <summary>Visits: schedule (with the calendar), log, list, plan and compliance, reminders, .ics links.</summary>
    public static IServiceCollection AddVisits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLinks(configuration);
        services.AddOptions<VisitOptions>().Bind(configuration.GetSection(VisitOptions.Section))
            .Validate(o => o.DefaultDurationMinutes is >= 15 and <= 720, "Visits:DefaultDurationMinutes must be between 15 and 720")
            .Validate(o => o.ReminderBefore >= TimeSpan.Zero && o.CheckEvery > TimeSpan.Zero && o.LinkLifetime > TimeSpan.Zero,
                "Visits:ReminderBefore, CheckEvery and LinkLifetime must be positive")
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "Visits:PublicBaseUrl must be an absolute http(s) URL")
            .Validate(o => o.LinkSigningKey is null || o.LinkSigningKey.Length >= 32, "Visits:LinkSigningKey must be at least 32 characters")
            .ValidateOnStart();
        services.AddScoped<ScheduleVisit>();
        services.AddScoped<LogVisit>();
        services.AddScoped<CancelVisit>();
        services.AddScoped<VisitPicker>();
        services.AddScoped<ListVisits>();
        services.AddScoped<VisitCompliance>();
        services.AddScoped<ImportVisitPlans>();
        services.AddScoped<ImportVisits>();
        services.AddSingleton<VisitIcsLinks>();
        // With Microsoft Graph configured, visits go to Outlook; without it the database is the calendar.
        if (new GraphOptions().Configured(configuration))
        {
            services.AddScoped<IVisitCalendar, GraphVisitCalendar>();
            services.AddOutboxHandler<CalendarSyncHandler>(OutboxOperation.CalendarSync);
        }
        else
        {
            services.AddScoped<IVisitCalendar, EmbeddedVisitCalendar>();
        }
        services.AddScoped<IVisitCalendarNotifications, VisitCalendarNotice>();
        services.AddScoped<VisitForms>();
        services.AddScoped<VisitListReply>();
        services.AddScoped<VisitReminderRound>();
        services.AddScoped<IVisitReminderNotifications, VisitReminderNotice>();
        services.AddHostedService<VisitReminders>();
        services.AddPhrases(VisitActions.Phrases);
        services.AddVisitIntents();
        services.AddConversationCommand<MyVisitsCommand>(VisitActions.Mine, "command.visits.mine", ("action.visits.mine", 200), help: new HelpTopic(HelpArea.ClientsAndVisits, 1, HelpTopic.Sales, Role.Executive));
        services.AddConversationCommand<NewVisitCommand>(VisitActions.New, "command.visits.new", ("action.visits.new", 210), help: new HelpTopic(HelpArea.ClientsAndVisits, 2));
        services.AddConversationCommand<NewVisitLogCommand>(VisitActions.LogNew, "command.visits.logNew", ("action.visits.log", 220), help: new HelpTopic(HelpArea.ClientsAndVisits, 3, HelpTopic.Sales, Role.Executive));
        services.AddConversationCommand<TeamVisitsCommand>(VisitActions.Team, "command.visits.team", help: new HelpTopic(HelpArea.ClientsAndVisits, 6, HelpTopic.Leads, Role.TeamLead | Role.Admin));
        services.AddConversationCommand<SetVisitPlanCommand>(VisitActions.Plan, "command.visits.plan", help: new HelpTopic(HelpArea.ClientsAndVisits, 7, HelpTopic.Leads));
        services.AddConversationCommand<VisitComplianceCommand>(VisitActions.Compliance, "command.visits.compliance", ("action.visits.compliance", 230), help: new HelpTopic(HelpArea.Indicators, 1, HelpTopic.Sales, Role.CommercialDirector | Role.GeneralDirector));
        services.AddConversationCommand<ScheduleVisitCommand>(VisitActions.Schedule);
        services.AddConversationCommand<VisitLogFormCommand>(VisitActions.LogForm);
        services.AddConversationCommand<RescheduleFormCommand>(VisitActions.RescheduleForm);
        services.AddConversationCommand<LogVisitCommand>(VisitActions.Log);
        services.AddScoped<Bot.MessageExtension.IMessageAction, VisitFromMessage>();
        services.AddScoped<Bot.MessageExtension.IRecordButtons, VisitRecordButtons>();
        services.AddConversationCommand<CancelVisitCommand>(VisitActions.Cancel);
        return services;
    }
}
