using SalesBot.Bot;
using SalesBot.Features.Digests.Conversation;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Digests;

public static class DigestsServiceCollectionExtensions
{
    /// <summary>The weekly digest (subscribed from a team channel, built per team, posted once a week through the outbox) and each executive's weekly nudges and next-step reminders.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.Problem() is null, "Digests:CatchUpWindow must be more than zero and at most 7 days; Digests:CheckEvery between 1 second and 1 hour; Digests:ChartLinkLifetime positive; Digests:BuildAhead between 0 and 1 hour")
            .ValidateOnStart();
        services.AddScoped<BuildWeeklyDigest>();
        services.AddSingleton<DigestChartLinks>();
        services.AddScoped<DigestSubscriptions>();
        services.AddScoped<TeamChannels>();
        services.AddScoped<IDigestDelivery, DigestDelivery>();
        services.AddScoped<Infrastructure.Outbox.IFailedSendListener, DigestChannelGone>();
        services.AddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
        services.AddScoped<BuildNudges>();
        services.AddScoped<NudgePreferences>();
        services.AddSingleton<NudgeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NudgeScheduler>());
        services.AddDailyJob<NextStepReminderSchedule, NextStepReminderRun>();
        services.AddPhrases(DigestActions.Phrases);
        services.AddDigestIntents();
        services.AddConversationCommand<WeeklyDigestCommand>(DigestActions.Weekly, "command.digests.weekly", help: new HelpTopic(HelpArea.Indicators, 3, HelpTopic.Leads));
        services.AddConversationCommand<DigestListCommand>(DigestActions.List);
        services.AddConversationCommand<MyNudgesCommand>(DigestActions.Nudges, "command.digests.nudges", help: new HelpTopic(HelpArea.PipelineAndOffers, 9, Role.Executive));
        services.AddConversationCommand<SaveNudgesCommand>(DigestActions.SaveNudges);
        services.AddConversationCommand<SnoozeDealCommand>(DigestActions.Snooze);
        return services;
    }
}
