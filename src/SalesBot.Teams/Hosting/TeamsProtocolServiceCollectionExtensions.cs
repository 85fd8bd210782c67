using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using SalesBot.Teams.Authentication;
using SalesBot.Teams.Connector;

namespace SalesBot.Teams.Hosting;

public static class TeamsProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: inbound authentication bound from the root configuration keys
    /// (MicrosoftAppId, ...), and the connector client with its token provider and retry rules.
    /// </summary>
    /// <param name="retryThrottled">false for a caller that paces and retries throttled sends itself (see <see cref="Connector.ConnectorRetry.Options"/>).</param>
    public static IServiceCollection AddTeamsProtocol(this IServiceCollection services, IConfiguration configuration, bool retryThrottled = true)
    {
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddOptions<BotEndpointOptions>().Bind(configuration.GetSection("BotEndpoint"));

        services.AddHttpClient(OpenIdMetadataCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpenIdMetadataCache>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<InboundAuthenticator>();

        services.AddSingleton<IBotTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.AuthenticationEnabled
                ? ActivatorUtilities.CreateInstance<MsalBotTokenProvider>(sp)
                : new AnonymousBotTokenProvider());
        services.AddTransient<BotTokenHandler>();
        // No per-request log lines from the client factory (two handlers and a scope on every
        // reply, even when filtered out): the outbox logs what fails, with its correlation id.
        services.AddHttpClient<ConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(100))
            .RemoveAllLoggers()
            .AddHttpMessageHandler<BotTokenHandler>()
            .AddResilienceHandler("connector", b => b
                .AddRetry(ConnectorRetry.Options(retryThrottled))
                .AddTimeout(ConnectorRetry.AttemptTimeout));
        return services;
    }
}

/// <summary>Fails start-up with every credential problem spelled out, not a generic message.</summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
