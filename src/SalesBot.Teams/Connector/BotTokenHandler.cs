using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SalesBot.Teams.Authentication;

namespace SalesBot.Teams.Connector;

/// <summary>
/// Adds the bot's bearer token to connector calls (none in anonymous local mode), and only for
/// trusted connector hosts: the token must never go to a serviceUrl an attacker chose.
/// </summary>
public sealed class BotTokenHandler(IBotTokenProvider tokens, IOptions<BotAuthenticationOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = await tokens.GetTokenAsync(ct);
        if (token is not null)
        {
            var host = request.RequestUri?.Host ?? "";
            if (!IsTrusted(host, options.Value.TrustedServiceUrlHosts))
                throw new UntrustedServiceUrlException(host);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, ct);
    }

    public static bool IsTrusted(string host, IEnumerable<string> patterns) => patterns.Any(p =>
        p.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(p[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, p, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A connector call to a host outside TrustedServiceUrlHosts: refused, never retried.</summary>
public sealed class UntrustedServiceUrlException(string host)
    : Exception($"The serviceUrl host '{host}' is not in TrustedServiceUrlHosts; the bot token is not sent there.");
