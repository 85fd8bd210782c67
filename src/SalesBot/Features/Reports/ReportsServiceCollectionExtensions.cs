using SalesBot.Bot;
using SalesBot.Features.Reports.Conversation;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Features.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The monthly report: on request, every month to each executive, team lead and director, and as an XLSX download.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLinks(configuration);
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section))
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= TimeSpan.FromDays(366), "Reports:LinkLifetime must be between a moment and a year")
            .ValidateOnStart();
        services.AddScoped<BuildMonthlyReport>();
        services.AddScoped<ReadMonthlyReport>();
        services.AddSingleton<MonthlyReportLinks>();
        services.AddScoped<IMonthlyReportNotifications, MonthlyReportNotice>();
        services.AddDailyJob<MonthlyReportSchedule, MonthlyReportRun>();
        services.AddPhrases(ReportActions.Phrases);
        services.AddReportIntents();
        services.AddConversationCommand<MonthlyReportCommand>(ReportActions.Monthly, "command.reports.monthly",
            help: new HelpTopic(HelpArea.Indicators, 2));
        return services;
    }
}
