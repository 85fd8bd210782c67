using SalesBot.Features.Clients;
using SalesBot.Features.Organization;

namespace SalesBot.Features.Pqrs;

/// <summary>How the people a PQR concerns are told about it (in Teams: a card in their chat with the bot).</summary>
public interface IPqrNotifications
{
    /// <summary>Queues, in the current unit of work, the card telling the assignee what is asked and by when.</summary>
    Task AssignedAsync(Pqr pqr, Client client, Person assignee, CancellationToken ct);
}
