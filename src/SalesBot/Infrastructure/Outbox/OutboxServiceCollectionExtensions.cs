namespace SalesBot.Infrastructure.Outbox;

public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.MaxParallelDeliveries > 0 && o.MaxAttempts > 0 && o.PollInterval > TimeSpan.Zero,
                "Outbox settings must be positive")
            .ValidateOnStart();
        services.AddSingleton<OutboxQueue>();
        services.AddScoped<OutboxWriter>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
