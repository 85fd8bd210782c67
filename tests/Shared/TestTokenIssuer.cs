using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SalesBot.Testing;

/// <summary>
/// Plays login.botframework.com and Entra ID for tests: generates RSA keys, serves OpenID metadata
/// and a JWKS (with Bot Framework's "endorsements"), and mints tokens signed with those keys.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string BotFrameworkEntraTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private readonly Dictionary<string, (RsaSecurityKey Key, string[]? Endorsements)> _published = new();
    private FakeHttpServer _server = null!;

    public string ChannelMetadataUrl => _server.BaseUrl + "/botframework/.well-known/openidconfiguration";
    public string EntraMetadataUrl => _server.BaseUrl + "/entra/.well-known/openid-configuration";
    public int KeySetRequests => _server.Requests.Count(r => r.RawPath.EndsWith("/keys", StringComparison.Ordinal));

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var issuer = new TestTokenIssuer();
        issuer._server = await FakeHttpServer.StartAsync(issuer.RespondAsync);
        return issuer;
    }

    /// <summary>Creates a key; published keys appear in the JWKS from the next fetch on.</summary>
    public RsaSecurityKey CreateKey(string keyId, bool publish = true, params string[]? endorsements)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId };
        if (publish) Publish(key, endorsements);
        return key;
    }

    public void Publish(RsaSecurityKey key, string[]? endorsements)
    {
        lock (_published) _published[key.KeyId] = (key, endorsements);
    }

    public static string Mint(RsaSecurityKey key, string issuer, string audience, IDictionary<string, object> claims,
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public static string MintChannelToken(RsaSecurityKey key, string appId, string serviceUrl, DateTime? notBefore = null, DateTime? expires = null, string issuer = ChannelIssuer) =>
        Mint(key, issuer, appId, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, notBefore, expires);

    private async Task RespondAsync(HttpContext ctx, RecordedRequest request)
    {
        ctx.Response.ContentType = "application/json";
        var path = request.RawPath;
        var prefix = path.StartsWith("/botframework", StringComparison.Ordinal) ? "/botframework" : "/entra";
        if (path.EndsWith("openidconfiguration", StringComparison.Ordinal) || path.EndsWith("openid-configuration", StringComparison.Ordinal))
        {
            await ctx.Response.WriteAsync(new JsonObject
            {
                ["issuer"] = prefix == "/botframework" ? ChannelIssuer : "https://login.microsoftonline.com/{tenantid}/v2.0",
                ["authorization_endpoint"] = _server.BaseUrl + prefix + "/authorize",
                ["jwks_uri"] = _server.BaseUrl + prefix + "/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString());
            return;
        }
        var keys = new JsonArray();
        lock (_published)
        {
            foreach (var (kid, (key, endorsements)) in _published)
            {
                var p = key.Rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = kid,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                };
                if (endorsements is not null) jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
                keys.Add(jwk);
            }
        }
        await ctx.Response.WriteAsync(new JsonObject { ["keys"] = keys }.ToJsonString());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
