using Microsoft.Extensions.Options;

namespace SalesBot.Tests.Conversation;

/// <summary>Wrong settings stop the bot at start with a message that names them.</summary>
public class StartupTests
{
    [Theory]
    [InlineData("Organization:TimeZone", "Mars/Olympus", "Unknown time zone 'Mars/Olympus'")]
    [InlineData("Organization:Country", "AR", "no holiday calendar for country 'AR'")]
    [InlineData("MicrosoftAppId", "8f5a3c1e-1111-4b2c-9d3e-123456789abc", "needs MicrosoftAppTenantId")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider must be Sqlite or Postgres")]
    public async Task A_wrong_setting_stops_the_bot_and_says_which(string key, string value, string message)
    {
        await using var database = TestDatabase.Sqlite();
        var e = Assert.ThrowsAny<Exception>(() => BotHost.Start(database, settings: new Dictionary<string, string?> { [key] = value }));
        var validation = e as OptionsValidationException ?? e.InnerException as OptionsValidationException
            ?? throw new Xunit.Sdk.XunitException($"expected an options validation failure, got {e}");
        Assert.Contains(validation.Failures, f => f.Contains(message));
    }
}
