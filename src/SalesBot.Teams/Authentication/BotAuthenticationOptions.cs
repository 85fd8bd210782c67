namespace SalesBot.Teams.Authentication;

/// <summary>
/// Bot credentials and token-validation endpoints, under the configuration names Bot Framework
/// developers already know (root-level keys, as in the SDK's appsettings).
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string PublicChannelIssuer = "https://api.botframework.com";
    public const string PublicChannelMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicEntraMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>SingleTenant (default for new bots), MultiTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = PublicChannelMetadataUrl;
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = PublicEntraMetadataUrl;
    public string ToBotFromChannelTokenIssuer { get; set; } = PublicChannelIssuer;

    /// <summary>Where outbound tokens come from; national clouds change it.</summary>
    public string OAuthAuthorityHost { get; set; } = "https://login.microsoftonline.com/";
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Apps (besides this bot) whose Entra ID tokens may post activities, e.g. a skill host.
    /// Empty by default: Teams itself uses Bot Framework channel tokens.
    /// </summary>
    public string[] AllowedCallerAppIds { get; set; } = [];

    /// <summary>
    /// Hosts the bot's connector token may be sent to. An activity's serviceUrl outside them is not
    /// called with a token, so a forged serviceUrl cannot collect it. Wildcards: "*.example.com".
    /// </summary>
    public string[] TrustedServiceUrlHosts { get; set; } =
    [
        "smba.trafficmanager.net", "*.botframework.com", "*.teams.microsoft.com", "*.teams.microsoft.us",
        "*.botframework.us", "*.botframework.azure.us",
    ];

    /// <summary>
    /// Tenants besides <see cref="MicrosoftAppTenantId"/> whose activities a single-tenant bot takes
    /// (a multi-tenant bot takes only these when any are listed).
    /// </summary>
    public string[] AllowedTenantIds { get; set; } = [];

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    private bool IsSingleTenant => !(MicrosoftAppType ?? "").Trim().Equals("MultiTenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether an activity from this tenant is ours to process: a valid token proves the sender is
    /// Teams, not that the conversation is in our organisation.
    /// </summary>
    public bool TenantAllowed(string? tenantId)
    {
        if (!AuthenticationEnabled) return true;
        var allowed = IsSingleTenant && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? [MicrosoftAppTenantId, .. AllowedTenantIds] : AllowedTenantIds;
        if (!IsSingleTenant && allowed.Length == 0) return true;
        return tenantId is not null && allowed.Contains(tenantId.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Configuration problems, in words an operator can act on; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!AuthenticationEnabled) yield break;
        var type = MicrosoftAppType?.Trim() ?? "";
        if (type.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId)) yield return "MicrosoftAppType SingleTenant needs MicrosoftAppTenantId.";
            if (string.IsNullOrWhiteSpace(MicrosoftAppPassword)) yield return "MicrosoftAppType SingleTenant needs MicrosoftAppPassword.";
        }
        else if (type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(MicrosoftAppPassword)) yield return "MicrosoftAppType MultiTenant needs MicrosoftAppPassword.";
        }
        else if (type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId)) yield return "MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.";
            if (!string.IsNullOrWhiteSpace(MicrosoftAppPassword)) yield return "MicrosoftAppType UserAssignedMSI must not have a MicrosoftAppPassword.";
        }
        else
        {
            yield return $"MicrosoftAppType '{MicrosoftAppType}' is not one of SingleTenant, MultiTenant, UserAssignedMSI.";
        }
        foreach (var (name, url) in new[]
                 {
                     (nameof(ToBotFromChannelOpenIdMetadataUrl), ToBotFromChannelOpenIdMetadataUrl),
                     (nameof(ToBotFromEmulatorOpenIdMetadataUrl), ToBotFromEmulatorOpenIdMetadataUrl),
                 })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _)) yield return $"{name} must be an absolute URL.";
        }
    }
}
