namespace SalesBot.Features.Offers;

/// <summary>How the people of an approval are told (in Teams: cards and texts in their personal chats).</summary>
public interface IApprovalNotifications
{
    /// <summary>
    /// Queues the notices in the current unit of work. <paramref name="answeredInPlace"/> is the
    /// card a click is answered with (an invoke response replaces it): it is not updated again.
    /// </summary>
    Task DeliverAsync(IReadOnlyList<OfferNotice> notices, string? answeredInPlace, CancellationToken ct);
}
