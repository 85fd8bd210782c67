using System.Globalization;
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

    /// <summary>The environment variable that sets the runtime's gen0 budget (the runtime reads it from nowhere else).</summary>
    public const string Gen0BudgetVariable = "DOTNET_GCgen0size";

    /// <summary>
    /// Says which garbage collector runs and with what gen0 budget. Without <see cref="Gen0BudgetVariable"/>,
    /// on one core (workstation GC), an "ayuda" turn's 40 KB of garbage had the runtime collect about
    /// 20 times a second under load, 5 % of the time paused (README, "Deploy").
    /// </summary>
    public static void LogGarbageCollector(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SalesBot.Startup");
        var collector = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation";
        if (Gen0Budget(Environment.GetEnvironmentVariable(Gen0BudgetVariable)) is { } bytes)
            logger.LogInformation("Garbage collector: {Collector}, {Cpus} CPU(s), gen0 budget {Gen0Mb} MB ({Variable})",
                collector, Environment.ProcessorCount, bytes / (1024 * 1024), Gen0BudgetVariable);
        else if (!app.Environment.IsDevelopment())
            logger.LogWarning("Garbage collector: {Collector}, {Cpus} CPU(s), the runtime's default gen0 budget: under load it collects " +
                "many times a second. Set {Variable}=0x2000000 (32 MB) in the environment (README, \"Deploy\")",
                collector, Environment.ProcessorCount, Gen0BudgetVariable);
    }

    /// <summary>The budget <see cref="Gen0BudgetVariable"/> sets, read as the runtime reads it (hexadecimal, "0x" optional); null if unset or not a number.</summary>
    public static long? Gen0Budget(string? value)
    {
        var digits = value?.Trim() ?? "";
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits[2..];
        return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : null;
    }
}
