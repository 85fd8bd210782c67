namespace SalesBot.Infrastructure.Graph;

/// <summary>
/// Microsoft Graph, app-only (client credentials). Off until TenantId, ClientId and ClientSecret
/// are set. BaseUrl, Scope and AuthorityHost point it at a national cloud (or, in tests, at a
/// local Graph-compatible server).
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Default: https://&lt;host of BaseUrl&gt;/.default.</summary>
    public string? Scope { get; set; }
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>
    /// SalesBot's id in the organisation's Teams app catalog (not the manifest id). With it, the bot
    /// is installed through Graph for people it must write to and who never opened it.
    /// </summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>How long one Graph call may take before it counts as failed (and is retried through the outbox).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the configuration turns Graph on (read before the options exist, to choose services).</summary>
    public bool Configured(IConfiguration configuration)
    {
        configuration.GetSection(Section).Bind(this);
        return IsConfigured;
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public Uri BaseUri => new(BaseUrl.TrimEnd('/'));

    public string EffectiveScope => string.IsNullOrWhiteSpace(Scope) ? $"{BaseUri.Scheme}://{BaseUri.Authority}/.default" : Scope;

    /// <summary>What is wrong with the settings, or null. Only checked when Graph is configured.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            return "Graph:BaseUrl must be an absolute URL such as https://graph.microsoft.com/v1.0";
        if (baseUri.Scheme == "http" && !baseUri.IsLoopback)
            return "Graph:BaseUrl must use https (plain http only for a local test server)";
        if (!Uri.TryCreate(AuthorityHost, UriKind.Absolute, out var authority) || authority.Scheme != "https")
            return "Graph:AuthorityHost must be an https URL such as https://login.microsoftonline.com/";
        if (!Guid.TryParse(TenantId, out _) && !(TenantId ?? "").Contains('.'))
            return "Graph:TenantId must be the tenant's id (a GUID) or its domain";
        // Well under the outbox claim (2 min): a call outliving its claim could be sent twice.
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(45)) return "Graph:Timeout must be between 0 and 45 seconds";
        return null;
    }
}
