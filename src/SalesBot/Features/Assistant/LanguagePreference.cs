namespace SalesBot.Features.Assistant;

/// <summary>A user's chosen language, which wins over the locale their Teams client reports.</summary>
public sealed class LanguagePreference : IAudited
{
    private LanguagePreference() { }

    public LanguagePreference(string userKey, string language, DateTimeOffset at)
    {
        UserKey = userKey;
        Language = language;
        UpdatedAt = at;
    }

    /// <summary>The Entra object id when Teams sends one, else the channel user id.</summary>
    public string UserKey { get; private set; } = "";
    public string Language { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(string language, DateTimeOffset at)
    {
        Language = language;
        UpdatedAt = at;
    }
}
