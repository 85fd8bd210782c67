using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Hosting;

/// <summary>The application behind /api/messages.</summary>
public interface IBot
{
    /// <summary>Handles one authenticated activity. For an invoke, returns its response (null: not handled -> 501).</summary>
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct);
}
