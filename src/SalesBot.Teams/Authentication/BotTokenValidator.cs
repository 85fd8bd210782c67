using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Authentication;

public sealed record InboundAuthenticationResult(bool Succeeded, ClaimsIdentity? Identity, string? Failure, bool Unavailable = false, bool Forbidden = false)
{
    public static InboundAuthenticationResult Fail(string why) => new(false, null, why);

    /// <summary>Not the caller's fault: we could not load signing keys to check the token.</summary>
    public static InboundAuthenticationResult CannotCheck(string why) => new(false, null, why, Unavailable: true);
}

/// <summary>
/// Validates the bearer token on an inbound activity the way the Bot Framework SDK does: pick the
/// OpenID metadata by issuer, check signature, lifetime (5 min skew) and audience, then the
/// channel-specific rules (key endorsement for the channel, serviceUrl claim).
/// </summary>
public sealed class BotTokenValidator(
    IOptions<BotAuthenticationOptions> options,
    OpenIdMetadataCache metadata,
    ILogger<BotTokenValidator> logger)
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly HashSet<string> _botFrameworkEntraIssuers = EntraIssuers.BotFramework();

    public async Task<InboundAuthenticationResult> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken ct)
    {
        var opts = options.Value;
        var token = ExtractBearer(authorizationHeader);
        if (token is null) return InboundAuthenticationResult.Fail("missing or malformed Authorization header");

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return InboundAuthenticationResult.Fail("token is not a JWT");
        }

        var issuer = unverified.Issuer;
        var isChannelToken = string.Equals(issuer, opts.ToBotFromChannelTokenIssuer, StringComparison.Ordinal);
        var tenantIssuers = string.IsNullOrWhiteSpace(opts.MicrosoftAppTenantId)
            ? []
            : EntraIssuers.ForTenant(opts.MicrosoftAppTenantId).ToHashSet(StringComparer.Ordinal);
        var isBotFrameworkEntraToken = _botFrameworkEntraIssuers.Contains(issuer);
        var isOwnTenantToken = tenantIssuers.Contains(issuer);
        if (!isChannelToken && !isBotFrameworkEntraToken && !isOwnTenantToken)
            return InboundAuthenticationResult.Fail($"issuer '{issuer}' is not trusted");

        var metadataUrl = isChannelToken ? opts.ToBotFromChannelOpenIdMetadataUrl : opts.ToBotFromEmulatorOpenIdMetadataUrl;
        var (result, config) = await ValidateSignedAsync(token, unverified.Kid, metadataUrl, issuer, ct);
        if (result is null || config is null) return InboundAuthenticationResult.CannotCheck("signing keys unavailable");
        if (!result.IsValid)
        {
            logger.LogInformation("Rejected bot token from {Issuer}: {Reason}", issuer, result.Exception?.GetType().Name);
            return InboundAuthenticationResult.Fail(result.Exception?.Message ?? "token invalid");
        }

        var identity = result.ClaimsIdentity;
        var endorsements = OpenIdMetadataCache.EndorsementsOf(config, unverified.Kid);
        if (endorsements is null && isChannelToken)
            return InboundAuthenticationResult.Fail("signing key carries no endorsements");
        if (endorsements is not null && (activity.ChannelId is null || !endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)))
            return InboundAuthenticationResult.Fail($"signing key is not endorsed for channel '{activity.ChannelId}'");

        if (isChannelToken)
        {
            var serviceUrl = identity.FindFirst("serviceurl")?.Value;
            if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
                return InboundAuthenticationResult.Fail("serviceurl claim does not match the activity's serviceUrl");
        }
        else
        {
            if (identity.FindFirst("ver")?.Value is not { Length: > 0 } version)
                return InboundAuthenticationResult.Fail("Entra token without a ver claim");
            if (isOwnTenantToken && !string.Equals(identity.FindFirst("tid")?.Value, opts.MicrosoftAppTenantId, StringComparison.OrdinalIgnoreCase))
                return InboundAuthenticationResult.Fail("tid claim does not match the bot's tenant");
            // An Entra token only says which app asked for it: any app of the tenant can get one
            // for our audience. Only the bot itself (Emulator, skills) and named callers may act.
            var appIdClaim = version == "1.0" ? "appid" : "azp";
            var caller = identity.FindFirst(appIdClaim)?.Value;
            if (caller is null || !(string.Equals(caller, opts.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
                                    || opts.AllowedCallerAppIds.Contains(caller, StringComparer.OrdinalIgnoreCase)))
                return InboundAuthenticationResult.Fail($"{appIdClaim} claim names a caller that is not allowed");
            if (identity.FindFirst("serviceurl")?.Value is { } claimed
                && !string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
                return InboundAuthenticationResult.Fail("serviceurl claim does not match the activity's serviceUrl");
        }

        return new InboundAuthenticationResult(true, identity, null);
    }

    private async Task<(TokenValidationResult?, OpenIdConnectConfiguration?)> ValidateSignedAsync(
        string token, string keyId, string metadataUrl, string issuer, CancellationToken ct)
    {
        OpenIdConnectConfiguration config;
        try
        {
            config = await metadata.GetAsync(metadataUrl, ct);
            // Keys rotate at any time: a key id we have never seen means "fetch the keys again", once.
            if (OpenIdMetadataCache.FindKey(config, keyId) is null)
                config = await metadata.RefreshAsync(metadataUrl, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not load OpenID metadata from {MetadataUrl}", metadataUrl);
            return (null, null);
        }
        return (await _handler.ValidateTokenAsync(token, Parameters(config, issuer)), config);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration config, string issuer) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer, // already checked against the allow-list above
        ValidateAudience = true,
        ValidAudience = options.Value.MicrosoftAppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = config.SigningKeys,
        ValidAlgorithms = AllowedAlgorithms,
        // A token whose kid is not published must fail, not be tried against every key.
        TryAllIssuerSigningKeys = false,
    };

    internal static string? ExtractBearer(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return null;
        return parts[1];
    }
}
