using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using SalesBot.Teams.Authentication;

namespace SalesBot.Teams.Connector;

/// <summary>
/// Client-credential tokens for the Bot Connector. One MSAL application per process: MSAL caches
/// the token in that instance and renews it before it expires, so a new app per call would defeat
/// the cache and hammer Entra ID.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly Func<CancellationToken, Task<AuthenticationResult>> _acquire;

    public MsalBotTokenProvider(IOptions<BotAuthenticationOptions> options)
    {
        var o = options.Value;
        var scope = o.ToChannelFromBotOAuthScope.EndsWith("/.default", StringComparison.Ordinal)
            ? o.ToChannelFromBotOAuthScope
            : o.ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";
        var host = o.OAuthAuthorityHost.TrimEnd('/');

        if (o.MicrosoftAppType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            var app = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(o.MicrosoftAppId))
                .Build();
            // Managed identity takes a resource, not a scope.
            var resource = scope[..^"/.default".Length];
            _acquire = ct => app.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct);
            return;
        }

        // Multi-tenant bots get tokens from the Bot Framework tenant; single-tenant ones from their own.
        var tenant = o.MicrosoftAppType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase)
            ? "botframework.com"
            : o.MicrosoftAppTenantId;
        var cca = ConfidentialClientApplicationBuilder
            .Create(o.MicrosoftAppId)
            .WithClientSecret(o.MicrosoftAppPassword)
            .WithAuthority($"{host}/{tenant}", validateAuthority: false)
            .Build();
        _acquire = ct => cca.AcquireTokenForClient([scope]).ExecuteAsync(ct);
    }

    public async Task<string?> GetTokenAsync(CancellationToken ct) => (await _acquire(ct)).AccessToken;
}
