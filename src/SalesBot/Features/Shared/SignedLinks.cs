using System.Security.Cryptography;
using System.Text;

namespace SalesBot.Features.Shared;

/// <summary>
/// An HMAC over a link's path, its parameters and its expiry: the link works only as it was given
/// and only until it expires. The signature is URL-safe base64 without padding.
/// </summary>
public static class LinkSignature
{
    public static string Compute(string key, string payload)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payload));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>In constant time, so the comparison tells a guesser nothing.</summary>
    public static bool Matches(string key, string payload, string? signature) =>
        !string.IsNullOrEmpty(signature)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(key, payload)), Encoding.ASCII.GetBytes(signature));
}

/// <summary>
/// Signed, expiring public links under Links:BaseUrl (report downloads, chart images): off until
/// Links:BaseUrl and Links:SigningKey are set. The parameters are part of what is signed, in the
/// order given, so an endpoint checks a link by passing the same names in the same order.
/// </summary>
public sealed class SignedLinks(IOptions<LinksOptions> options, TimeProvider clock)
{
    public bool Enabled => options.Value.BaseUrl is { Length: > 0 } && options.Value.SigningKey is { Length: >= 32 };

    public string? UrlFor(string path, IReadOnlyList<(string Name, string Value)> parameters, TimeSpan lifetime)
    {
        if (!Enabled) return null;
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var query = string.Join("&", parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
        var signature = LinkSignature.Compute(options.Value.SigningKey!, Payload(path, parameters, expires));
        return $"{options.Value.BaseUrl!.TrimEnd('/')}{path}?{query}{(query.Length > 0 ? "&" : "")}exp={expires}&sig={signature}";
    }

    /// <summary>Whether the link's parts are those this server signed, and it has not expired.</summary>
    public bool IsValid(string path, IReadOnlyList<(string Name, string? Value)> parameters, long? expires, string? signature) =>
        Enabled && expires is { } exp && exp >= clock.GetUtcNow().ToUnixTimeSeconds() && parameters.All(p => p.Value is not null)
        && LinkSignature.Matches(options.Value.SigningKey!, Payload(path, parameters.Select(p => (p.Name, p.Value!)).ToList(), exp), signature);

    private static string Payload(string path, IReadOnlyList<(string Name, string Value)> parameters, long expires) =>
        path + "|" + string.Join("|", parameters.Select(p => p.Name + "=" + p.Value)) + "|" + expires.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
