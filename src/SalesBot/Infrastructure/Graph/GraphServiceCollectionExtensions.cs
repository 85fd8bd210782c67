using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Infrastructure.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Hosts MSAL knows (public and national clouds); for any other, instance discovery is off.</summary>
    private static readonly string[] KnownAuthorities =
        ["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn", "login.microsoftonline.de", "login.windows.net", "login.microsoft.com", "sts.windows.net"];

    /// <summary>
    /// The Graph client (when configured): one credential and one client for the process, so the
    /// token cache is shared. The SDK's own retries are off: the outbox retries, honouring
    /// Retry-After, so a slow Graph never holds a request.
    /// </summary>
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidation>();
        services.AddScoped<TeamsAppInstaller>();
        services.AddOutboxHandler<InstallAppHandler>(Outbox.OutboxOperation.InstallApp);
        services.AddSingleton<TokenCredential>(sp => CreateCredential(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var auth = new AzureIdentityAuthenticationProvider(sp.GetRequiredService<TokenCredential>(),
                allowedHosts: [options.BaseUri.Host], scopes: [options.EffectiveScope]);
            var handlers = GraphClientFactory.CreateDefaultHandlers()
                .Select(h => h is RetryHandler ? new RetryHandler(new RetryHandlerOption { MaxRetry = 0 }) : h)
                .ToList();
            var http = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            http.Timeout = options.Timeout;
            return new GraphServiceClient(http, auth, options.BaseUri.ToString());
        });
        return services;
    }

    public static TokenCredential CreateCredential(GraphOptions options) =>
        new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, CredentialOptions(options));

    public static ClientSecretCredentialOptions CredentialOptions(GraphOptions options)
    {
        var authority = new Uri(options.AuthorityHost);
        return new ClientSecretCredentialOptions
        {
            AuthorityHost = authority,
            DisableInstanceDiscovery = !KnownAuthorities.Contains(authority.Host, StringComparer.OrdinalIgnoreCase),
        };
    }
}

/// <summary>Stops the bot at start-up with the setting that is wrong.</summary>
public sealed class GraphOptionsValidation : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions o)
    {
        var given = new[] { o.TenantId, o.ClientId, o.ClientSecret }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given == 0) return ValidateOptionsResult.Success;
        if (given < 3) return ValidateOptionsResult.Fail("Graph needs Graph:TenantId, Graph:ClientId and Graph:ClientSecret together (or none, for the embedded calendar)");
        return o.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
