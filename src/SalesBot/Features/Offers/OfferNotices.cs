namespace SalesBot.Features.Offers;

/// <summary>
/// What the people of an approval must be told after a change, as data. Use cases return them;
/// the caller hands them to <see cref="IApprovalNotifications"/> once the change is made, which
/// renders each card once per reader. Nothing is rendered from inside a use case.
/// </summary>
public abstract record OfferNotice(Guid OfferId);

/// <summary>The approver of the offer's pending step is asked to decide (a new step, a deputy, an escalation).</summary>
public sealed record ApproverAsked(Guid OfferId, Guid ApproverId) : OfferNotice(OfferId);

/// <summary>The approver is reminded that the offer still waits for them.</summary>
public sealed record ApproverReminded(Guid OfferId, Guid ApproverId, int BusinessDaysWaiting) : OfferNotice(OfferId);

/// <summary>The requester hears what happened, in a sentence of their language.</summary>
public sealed record RequesterTold(Guid OfferId, Guid RequesterId, string MessageKey, object?[] Args) : OfferNotice(OfferId);

/// <summary>The offer's state changed: every copy of its approval card is brought in line.</summary>
public sealed record CardsChanged(Guid OfferId) : OfferNotice(OfferId);
