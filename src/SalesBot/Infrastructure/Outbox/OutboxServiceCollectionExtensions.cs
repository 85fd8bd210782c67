namespace SalesBot.Infrastructure.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox and its dispatcher: what the bot runs.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutboxWriter(configuration);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<OutboxRetention>();
        services.AddSingleton<Data.IDatabaseUpkeep>(sp => sp.GetRequiredService<OutboxRetention>());
        return services;
    }

    /// <summary>
    /// Only the writing side: the command line queues messages (an imported PQR's card) for the
    /// running bot to deliver, and has no connector to deliver them with.
    /// </summary>
    public static IServiceCollection AddOutboxWriter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.MaxParallelDeliveries > 0 && o.MaxAttempts > 0 && o.PollInterval > TimeSpan.Zero
                && o.FailedRetention > TimeSpan.Zero && o.SentCardRetention > TimeSpan.Zero,
                "Outbox settings must be positive")
            .ValidateOnStart();
        services.AddSingleton<OutboxQueue>();
        services.AddScoped<OutboxWriter>();
        return services;
    }
}
