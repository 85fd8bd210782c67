using Microsoft.Extensions.Options;
using SalesBot.Teams.Authentication;

namespace SalesBot.Bot;

public static class StartupLogging
{
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
