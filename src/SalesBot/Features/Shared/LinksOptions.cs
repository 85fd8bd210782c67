namespace SalesBot.Features.Shared;

/// <summary>
/// One setting for every public link SalesBot gives out (.ics files today; reports and chart
/// images next): where browsers reach the bot, and the secret the links are signed with, so a
/// link works only as it was given and only for a while.
/// </summary>
public sealed class LinksOptions
{
    public const string Section = "Links";

    /// <summary>The bot's public address as people's browsers reach it (https://salesbot.contoso.com).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>At least 32 characters; changing it voids every link given so far.</summary>
    public string? SigningKey { get; set; }

    public string? Problem() =>
        BaseUrl is not null && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http") ? "Links:BaseUrl must be an absolute http(s) URL"
        : SigningKey is { Length: < 32 } ? "Links:SigningKey must be at least 32 characters"
        : null;
}
