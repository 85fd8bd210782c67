using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SalesBot.Teams.Authentication;

/// <summary>
/// One IdentityModel configuration manager per metadata URL: keys are fetched once, refreshed on
/// the library's schedule (12 h), and refreshed on demand (throttled to 5 min) when a token names
/// a key id we do not know yet.
/// </summary>
public sealed class OpenIdMetadataCache(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "SalesBot.OpenIdMetadata";

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new();

    public Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken ct) =>
        Manager(metadataUrl).GetConfigurationAsync(ct);

    public void RequestRefresh(string metadataUrl) => Manager(metadataUrl).RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(string url) =>
        _managers.GetOrAdd(url, u => new ConfigurationManager<OpenIdConnectConfiguration>(
            u,
            new OpenIdConnectConfigurationRetriever(),
            // Tests and national clouds may serve metadata over plain http on loopback only.
            new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !IsLoopback(u) }));

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>The channels a signing key is endorsed for (Bot Framework adds "endorsements" to its JWKS).</summary>
    public static IReadOnlyList<string>? EndorsementsOf(OpenIdConnectConfiguration config, string? keyId)
    {
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw)) return null;
        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => x.GetString() ?? "").ToList(),
            IEnumerable<object> list => list.Select(x => x?.ToString() ?? "").ToList(),
            _ => [],
        };
    }

    internal static SecurityKey? FindKey(OpenIdConnectConfiguration config, string? keyId) =>
        config.SigningKeys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
}
