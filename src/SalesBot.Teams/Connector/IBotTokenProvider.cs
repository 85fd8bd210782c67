namespace SalesBot.Teams.Connector;

/// <summary>Gives the bearer token for calls to the Bot Connector; null when running without an app id.</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken ct);
}

/// <summary>Local development (Agents Playground): the connector expects no Authorization header.</summary>
public sealed class AnonymousBotTokenProvider : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken ct) => Task.FromResult<string?>(null);
}
