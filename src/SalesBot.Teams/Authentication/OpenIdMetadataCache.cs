using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SalesBot.Teams.Authentication;

/// <summary>
/// OpenID metadata and signing keys per metadata URL. Fetched once and kept 12 hours (Bot
/// Framework asks for at least daily refreshes); fetched again at once when a token names a key
/// id we do not know, at most every 5 minutes per URL, so forged key ids cannot flood the key
/// endpoint. If a refresh fails, the last good keys stay in use.
/// </summary>
public sealed class OpenIdMetadataCache(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "SalesBot.OpenIdMetadata";
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        var now = clock.GetUtcNow();
        if (entry.Config is { } current && (now - entry.FetchedAt < AutomaticRefreshInterval || now < entry.NextTryAt)) return current;
        if (entry.Config is null && now < entry.NextTryAt)
            throw new InvalidOperationException($"OpenID metadata from {metadataUrl} is unavailable; next try at {entry.NextTryAt:O}");
        return await FetchAsync(metadataUrl, entry, force: false, ct);
    }

    /// <summary>Fetches again now unless that was done in the last 5 minutes; returns what we then have.</summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(string metadataUrl, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        if (entry.Config is { } current && clock.GetUtcNow() - entry.ForcedAt < MinimumForcedRefreshInterval) return current;
        return await FetchAsync(metadataUrl, entry, force: true, ct);
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync(string url, Entry entry, bool force, CancellationToken ct)
    {
        await entry.Lock.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            // Another caller may have fetched while we waited for the lock.
            if (entry.Config is { } current && (force ? now - entry.ForcedAt < MinimumForcedRefreshInterval : now - entry.FetchedAt < AutomaticRefreshInterval))
                return current;
            if (force) entry.ForcedAt = now;
            try
            {
                var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !IsLoopback(url) };
                entry.Config = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, ct);
                entry.FetchedAt = now;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Wait a little before the next try, so an outage is not hit by every request;
                // meanwhile keep serving the last good keys, if there are any.
                entry.NextTryAt = now + RetryAfterFailure;
                if (entry.Config is null) throw;
            }
            return entry.Config;
        }
        finally
        {
            entry.Lock.Release();
        }
    }

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

    private sealed class Entry
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public OpenIdConnectConfiguration? Config;
        public DateTimeOffset FetchedAt;
        public DateTimeOffset ForcedAt = DateTimeOffset.MinValue;
        public DateTimeOffset NextTryAt = DateTimeOffset.MinValue;
    }
}
