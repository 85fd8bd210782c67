namespace SalesBot.Features.Clients;

/// <summary>
/// What a client was billed in a month, in the organisation's currency: the base of billing growth
/// (seed 001). Loaded from the billing system's export; a month imported again replaces the amount.
/// </summary>
public sealed class ClientBilling : IAudited
{
    private ClientBilling() { }

    public ClientBilling(Guid clientId, int year, int month, decimal amount, DateTimeOffset at)
    {
        ClientId = clientId;
        Year = year;
        Month = month;
        Amount = amount;
        ImportedAt = at;
    }

    public Guid ClientId { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public decimal Amount { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>Replaces the month's amount; false when it was already that.</summary>
    public bool Replace(decimal amount, DateTimeOffset at)
    {
        if (amount == Amount) return false;
        Amount = amount;
        ImportedAt = at;
        return true;
    }
}
