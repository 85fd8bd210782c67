namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Data a new table needs from what was recorded before it existed (a deal's stage history from the
/// audit log). Run by the migrator after the schema is current; each must be safe to run again.
/// </summary>
public interface IDataBackfill
{
    /// <summary>Fills what is missing and says how many rows it wrote.</summary>
    Task<int> RunAsync(CancellationToken ct);
}
