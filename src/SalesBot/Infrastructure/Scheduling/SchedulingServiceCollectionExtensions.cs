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

    /// <summary>A daily job: its schedule (a singleton) and its work (built in each run's scope).</summary>
    public static IServiceCollection AddDailyJob<TSchedule, TRun>(this IServiceCollection services)
        where TSchedule : class, IDailyJob where TRun : class, IDailyJobRun
    {
        services.AddSingleton<IDailyJob, TSchedule>();
        services.AddKeyedScoped<IDailyJobRun, TRun>(typeof(TSchedule));
        return services;
    }
}
