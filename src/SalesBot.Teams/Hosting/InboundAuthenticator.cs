using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SalesBot.Teams.Authentication;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Hosting;

/// <summary>
/// Decides whether a POST to /api/messages may be processed: a valid Bot Framework / Entra token
/// when an app id is configured; otherwise only callers on this machine (the Agents Playground).
/// </summary>
public sealed class InboundAuthenticator(IOptions<BotAuthenticationOptions> options, BotTokenValidator validator)
{
    public async Task<InboundAuthenticationResult> AuthenticateAsync(HttpContext http, Activity activity, CancellationToken ct)
    {
        if (options.Value.AuthenticationEnabled)
        {
            var validated = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString(), activity, ct);
            if (validated.Succeeded && !options.Value.TenantAllowed(activity.TenantId))
                return new InboundAuthenticationResult(false, null, $"tenant '{activity.TenantId}' is not one this bot serves", Forbidden: true);
            return validated;
        }

        // A tunnel or reverse proxy on this machine makes every caller look local; those add
        // forwarding headers, and such requests are not the local Playground.
        var forwarded = http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded");
        return IsLoopback(http.Connection.RemoteIpAddress) && !forwarded
            ? new InboundAuthenticationResult(true, new ClaimsIdentity(), null)
            : InboundAuthenticationResult.Fail("no MicrosoftAppId configured: only direct loopback callers are served");
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
