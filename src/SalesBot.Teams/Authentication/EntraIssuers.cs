namespace SalesBot.Teams.Authentication;

/// <summary>Issuers of Entra ID tokens a bot accepts besides the Bot Framework channel issuer.</summary>
internal static class EntraIssuers
{
    // Tenants Bot Framework itself uses to issue Entra tokens (Emulator, skills, agent-to-agent).
    private static readonly string[] BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    ];

    public static IEnumerable<string> ForTenant(string tenantId) =>
    [
        $"https://sts.windows.net/{tenantId}/",
        $"https://login.microsoftonline.com/{tenantId}/v2.0",
    ];

    public static HashSet<string> BotFramework() =>
        BotFrameworkTenants.SelectMany(ForTenant).ToHashSet(StringComparer.Ordinal);
}
