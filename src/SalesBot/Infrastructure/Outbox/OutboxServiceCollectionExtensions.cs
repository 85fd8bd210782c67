namespace SalesBot.Infrastructure.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox and its dispatcher: what the bot runs.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutboxWriter(configuration);
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxEngine>());
        services.AddOutboxHandler<ConnectorDeliveryHandler>(ConnectorDeliveryHandler.Operations);
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
            .Validate(o => o.MaxParallelDeliveries > 0 && o.MaxAttempts > 0 && o.PollInterval > TimeSpan.Zero && o.ClaimDuration > TimeSpan.Zero
                && o.FailedRetention > TimeSpan.Zero && o.SentCardRetention > TimeSpan.Zero,
                "Outbox settings must be positive")
            .Validate(o => o.TenantSendsPerSecond is >= 1 and <= 1000, "Outbox:TenantSendsPerSecond must be between 1 and 1000 (Teams allows about 30 a second per app and tenant)")
            .ValidateOnStart();
        services.AddSingleton<SendPacer>();
        services.AddSingleton<OutboxQueue>();
        services.AddScoped<OutboxWriter>();
        return services;
    }

    /// <summary>Who delivers these operations: resolved by operation from a fresh scope for each row.</summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services, params OutboxOperation[] operations)
        where THandler : class, IOutboxOperationHandler
    {
        foreach (var operation in operations) services.AddKeyedScoped<IOutboxOperationHandler, THandler>(operation);
        return services;
    }
}
