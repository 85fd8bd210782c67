using SalesBot.Bot.Localization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pipeline.Conversation;
using SalesBot.Features.Visits.Conversation;

namespace SalesBot.Features.Digests.Conversation;

/// <summary>
/// The weekly nudge as a card in the executive's 1:1 chat: one section per kind, each deal with
/// the buttons that move it on (log a visit, move the stage, mark it lost: each sends the typed
/// command, as if written) and «Posponer una semana».
/// </summary>
public static class NudgeCard
{
    public const string Template = "nudges";

    private static readonly NudgeKinds[] Order = [NudgeKinds.PastClose, NudgeKinds.NextSteps, NudgeKinds.ApprovedOffers, NudgeKinds.Stale];

    public static object Data(Wording w, Nudges nudges) => new
    {
        title = w.T("nudges.title"),
        intro = w.T("nudges.intro"),
        sections = Order.Where(k => nudges.Of(k).Any()).Select(kind => new
        {
            heading = w.T("nudges.kind." + kind),
            items = nudges.Of(kind).Select(i => Item(w, i)).ToList(),
        }).ToList(),
        settingsHint = w.T("nudges.settingsHint"),
    };

    /// <summary>One deal and its buttons (the typed commands use the words of the reader's language).</summary>
    public static object Item(Wording w, NudgeItem i) => new
    {
        name = i.Client + " · " + i.Deal,
        detail = Detail(w, i),
        figure = w.Format.Money(i.Value, i.Currency),
        logTitle = w.T("nudges.log"),
        logCommand = Phrase(w, VisitActions.LogNew) + " " + i.Client,
        moveTitle = w.T("nudges.move"),
        moveCommand = Phrase(w, OpportunityActions.Move) + " " + i.Deal,
        lostTitle = w.T("nudges.lost"),
        lostCommand = Phrase(w, OpportunityActions.Lost) + " " + i.Deal,
        snoozeTitle = w.T("nudges.snooze"),
        deal = i.DealId.ToString("D"),
    };

    private static string Detail(Wording w, NudgeItem i)
    {
        var stage = w.T("stage." + i.Stage.Code());
        var date = i.Date is { } d ? w.Format.ShortDate(d) : "";
        return i.Kind switch
        {
            NudgeKinds.PastClose => w.T("nudges.detail.pastClose", stage, date),
            NudgeKinds.NextSteps => w.T("nudges.detail.nextStep", date, i.Detail ?? ""),
            NudgeKinds.ApprovedOffers => w.T("nudges.detail.approvedOffer", i.Detail ?? "", date),
            _ => w.T("nudges.detail.stale", stage, date),
        };
    }

    /// <summary>The command's first phrase in the reader's language ("registrar visita", "log visit").</summary>
    private static string Phrase(Wording w, string action) => w.T("nudges.phrase." + action);
}
