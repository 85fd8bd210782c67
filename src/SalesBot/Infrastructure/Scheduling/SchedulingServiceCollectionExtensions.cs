namespace SalesBot.Infrastructure.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduler of the features' daily jobs (they register their IDailyJob).</summary>
    public static IServiceCollection AddDailyJobs(this IServiceCollection services)
    {
        services.AddSingleton<DailyJobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyJobScheduler>());
        return services;
    }
}
