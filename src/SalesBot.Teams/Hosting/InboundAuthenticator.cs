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
            return await validator.ValidateAsync(http.Request.Headers.Authorization.ToString(), activity, ct);

        return IsLoopback(http.Connection.RemoteIpAddress)
            ? new InboundAuthenticationResult(true, new ClaimsIdentity(), null)
            : InboundAuthenticationResult.Fail("no MicrosoftAppId configured: only loopback callers are served");
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
