namespace SalesBot.Features.Renegotiations;

/// <summary>How the people of a renegotiation are told (in Teams: their personal chats).</summary>
public interface IRenegotiationNotifications
{
    /// <summary>Asks an area whether the client's requirement is viable.</summary>
    Task ConsultAsync(Renegotiation renegotiation, AreaConsultation consultation, Person areaContact, string clientName, string requesterName, CancellationToken ct);

    Task TellAsync(Person person, string messageKey, object?[] args, CancellationToken ct);
}
