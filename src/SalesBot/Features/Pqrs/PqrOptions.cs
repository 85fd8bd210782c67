namespace SalesBot.Features.Pqrs;

public sealed class PqrOptions
{
    public const string Section = "Pqrs";

    /// <summary>Key the customer-service system sends in X-Api-Key; the API is off without one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Team whose executives take, in turn, PQRs of clients without an owner (none: every executive).</summary>
    public string? RoutingTeam { get; set; }
}
