namespace SalesBot.Features.Shared;

/// <summary>
/// The largest contract value SalesBot takes. Money columns hold 18 digits with 2 decimals (and
/// integer hundredths on SQLite): a total above this would not fit, so it is refused as input
/// rather than failing the save. A thousand million million is beyond any real contract in pesos.
/// </summary>
public static class MoneyBounds
{
    public const decimal MaxTotal = 1_000_000_000_000_000m;
}
