using SalesBot.Features.Organization;

namespace SalesBot.Features.Offers;

/// <summary>How the people of an approval are told (in Teams: cards in their personal chats).</summary>
public interface IApprovalNotifications
{
    /// <summary>Asks the step's approver to decide (queued in the current unit of work).</summary>
    Task AskAsync(Offer offer, ApprovalStep step, Person approver, CancellationToken ct);

    /// <summary>Reminds the step's approver that the offer still waits for them.</summary>
    Task RemindAsync(Offer offer, ApprovalStep step, Person approver, int businessDaysWaiting, CancellationToken ct);

    /// <summary>Tells the requester what happened (a step decided, the chain ended).</summary>
    Task TellRequesterAsync(Offer offer, Person requester, string messageKey, object?[] args, CancellationToken ct);

    /// <summary>Brings every copy of the offer's approval cards in line with its current state.</summary>
    Task RefreshCardsAsync(Offer offer, CancellationToken ct);
}
