namespace SalesBot.Features.Shared;

/// <summary>The kinds of record with a link of their own: the link's path segment.</summary>
public static class RecordKinds
{
    public const string Client = "client";
    public const string Deal = "deal";
    public const string Pqr = "pqr";

    public static readonly IReadOnlyList<string> All = [Client, Deal, Pqr];
}

/// <summary>A record a link points to.</summary>
public sealed record RecordRef(string Kind, Guid Id);

/// <summary>
/// Each client, deal and PQR has a stable link under Links:BaseUrl, such as
/// https://salesbot.contoso.com/r/deal/{id}. The link names the record and nothing else: it is not
/// signed and never expires, because it is meant to be pasted in chats and kept; whoever opens it
/// is authorised again (Teams asks the bot to unfurl it; a browser gets a page that says to open it
/// in Teams). Off, like every public link, until Links:BaseUrl is set.
/// </summary>
public sealed class RecordLinks(IOptions<LinksOptions> options)
{
    public const string PathPrefix = "/r/";

    /// <summary>Longer than any link this class makes: a longer "link" is not read at all.</summary>
    public const int MaxLength = 500;

    public bool Enabled => options.Value.BaseUrl is { Length: > 0 };

    public string? UrlFor(string kind, Guid id) =>
        Enabled ? $"{options.Value.BaseUrl!.TrimEnd('/')}{PathPrefix}{kind}/{id:D}" : null;

    /// <summary>The record a pasted link names, when it is one of ours: the configured host, /r/{kind}/{id}; else null.</summary>
    public RecordRef? Parse(string? url)
    {
        if (!Enabled || url is null || url.Length > MaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var link)) return null;
        var home = new Uri(options.Value.BaseUrl!);
        if (!string.Equals(link.Host, home.Host, StringComparison.OrdinalIgnoreCase) || link.Scheme is not ("https" or "http")) return null;
        var basePath = home.AbsolutePath.TrimEnd('/');
        var path = link.AbsolutePath;
        if (!path.StartsWith(basePath + PathPrefix, StringComparison.OrdinalIgnoreCase)) return null;
        return ParsePath(path[(basePath.Length + PathPrefix.Length)..]);
    }

    /// <summary>"deal/{id}" (what follows /r/), or null.</summary>
    public static RecordRef? ParsePath(string rest)
    {
        var parts = rest.TrimEnd('/').Split('/');
        if (parts.Length != 2) return null;
        var kind = parts[0].ToLowerInvariant();
        return RecordKinds.All.Contains(kind) && Guid.TryParse(parts[1], out var id) ? new RecordRef(kind, id) : null;
    }
}
