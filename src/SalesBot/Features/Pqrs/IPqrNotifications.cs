using SalesBot.Features.Clients;

namespace SalesBot.Features.Pqrs;

/// <summary>How the people a PQR concerns are told about it (in Teams: a card in their chat with the bot).</summary>
public interface IPqrNotifications
{
    /// <summary>Queues, in the current unit of work, the card telling the assignee what is asked and by when.</summary>
    Task AssignedAsync(Pqr pqr, Client client, Person assignee, CancellationToken ct);

    /// <summary>The daily reminder to the assignee of a PQR due soon.</summary>
    Task ReminderAsync(Pqr pqr, Client client, Person assignee, int businessDaysLeft, CancellationToken ct);

    /// <summary>Tells the assignee's team lead that a PQR is close to its due date.</summary>
    Task EscalatedAsync(Pqr pqr, Client client, Person lead, Person assignee, int businessDaysLeft, CancellationToken ct);

    /// <summary>Tells a commercial director that a PQR is overdue: positive administrative silence may apply.</summary>
    Task OverdueAsync(Pqr pqr, Client client, Person director, Person? assignee, CancellationToken ct);
}
