using SalesBot.Teams.Authentication;

namespace SalesBot.Bot;

public static class StartupLogging
{
    /// <summary>The setting that lets a non-Development bot run without an app id (Playground, e2e, bench).</summary>
    public const string AllowUnauthenticatedLoopbackKey = "Authentication:AllowUnauthenticatedLoopback";

    /// <summary>
    /// Why the bot must not start, or null. Without an app id nothing is authenticated: fine on a
    /// developer's machine, a hole anywhere else unless someone asked for it by name.
    /// </summary>
    public static string? UnauthenticatedModeRefusal(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (options.AuthenticationEnabled || app.Environment.IsDevelopment()
            || app.Configuration.GetValue<bool>(AllowUnauthenticatedLoopbackKey)) return null;
        return $"MicrosoftAppId is not set, so no activity would be authenticated, and the environment is " +
            $"'{app.Environment.EnvironmentName}', not Development. Set MicrosoftAppId (and MicrosoftAppPassword, " +
            $"MicrosoftAppTenantId) to run in Teams, or {AllowUnauthenticatedLoopbackKey}=true to serve only callers " +
            "on this machine (the Agents Playground).";
    }

    /// <summary>Says loudly at start when the bot runs without authentication (local Playground mode).</summary>
    public static void LogInboundAuthenticationMode(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SalesBot.Startup");
        if (options.AuthenticationEnabled)
            logger.LogInformation("Inbound activities need a valid Bot Framework token for app {AppId} ({AppType})",
                options.MicrosoftAppId, options.MicrosoftAppType);
        else
            logger.LogWarning("No MicrosoftAppId configured: authentication is OFF and only loopback callers " +
                "(the Agents Playground on this machine) are served. Set MicrosoftAppId to run in Teams.");
    }
}
