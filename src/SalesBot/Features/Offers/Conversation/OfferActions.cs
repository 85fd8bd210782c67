using SalesBot.Bot;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// What users can ask of offers and approvals: each action's name (a typed command, a card's "command" value or
/// Action.Execute verb: one name for both) and the phrases that ask for it, registered with the
/// feature (see <see cref="ConversationCommands"/>).
/// </summary>
public static class OfferActions
{
    public const string Approvals = "offers.approvals";
    public const string New = "offers.new";
    public const string Show = "offers.show";
    public const string Submit = "offers.submit";
    public const string Delegate = "offers.delegate";
    public const string EndDelegation = "offers.endDelegation";
    public const string Sent = "offers.sent";
    public const string Accepted = "offers.accepted";
    public const string Declined = "offers.declined";
    public const string Approve = "offers.approve";
    public const string Reject = "offers.reject";
    public const string Changes = "offers.changes";
    public const string Refresh = "offers.refresh";

    public static readonly PhraseSet Phrases = new(
    [
        ("delegar", Delegate),
        ("delegate", Delegate),
        ("ya volvi", EndDelegation),
        ("volvi", EndDelegation),
        ("terminar delegacion", EndDelegation),
        ("i am back", EndDelegation),
        ("im back", EndDelegation),
        ("oferta enviada", Sent),
        ("offer sent", Sent),
        ("oferta aceptada", Accepted),
        ("offer accepted", Accepted),
        ("oferta rechazada", Declined),
        ("offer declined", Declined),
        ("nueva oferta", New),
        ("crear oferta", New),
        ("new offer", New),
        ("mis aprobaciones", Approvals),
        ("aprobaciones", Approvals),
        ("aprobaciones pendientes", Approvals),
        ("my approvals", Approvals),
        ("approvals", Approvals),
        ("oferta", Show),
        ("ver oferta", Show),
        ("offer", Show),
    ]);
}
