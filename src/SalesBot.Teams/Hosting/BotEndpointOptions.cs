namespace SalesBot.Teams.Hosting;

public sealed class BotEndpointOptions
{
    /// <summary>Teams never sends more than ~100 KB; anything far beyond is not a Teams activity.</summary>
    public long MaxRequestBodyBytes { get; set; } = 512 * 1024;
}
