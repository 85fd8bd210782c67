using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// The visit sentences of NLU.md: schedule and log open their forms filled with what was said
/// (nothing is written until the form is submitted); a list answers at once; moving or cancelling
/// a visit shows the visits of that day (this week when none was said), each with its buttons.
/// </summary>
public static class VisitIntents
{
    public static IServiceCollection AddVisitIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.ScheduleVisit, (r, _) => new IntentCall(VisitActions.New, Form(r)), VisitActions.New)
        .AddIntent(NluIntents.LogVisit, (r, _) => new IntentCall(VisitActions.LogNew, Form(r)), VisitActions.LogNew)
        .AddIntent(NluIntents.ListVisits, (r, _) => List(r), VisitActions.Mine, VisitActions.Team)
        // The date read in a reschedule is the new slot: the visit to move is found by its client in the coming two weeks (this week's list when none is named).
        .AddIntent(NluIntents.RescheduleVisit, (r, _) => new IntentCall(VisitActions.Mine, new CommandInput(null, ByClient(r, null))))
        .AddIntent(NluIntents.CancelVisit, (r, _) => new IntentCall(VisitActions.Mine, new CommandInput(null, ByClient(r, IntentText.Days(r)))))
        .AddIntentPhrases(VisitPhrases.All, VisitPhrases.Examples);

    /// <summary>The list's period and the client to narrow it to, as the list command reads them.</summary>
    private static JsonObject ByClient(Understanding reading, string? days)
    {
        var data = new JsonObject();
        if (days is not null) data["period"] = days;
        if (IntentText.Value(reading, "client") is { } client) data["client"] = client;
        return data;
    }

    /// <summary>The form's fields as the form names them; the client is looked up by the picker, as when typed after the command.</summary>
    private static CommandInput Form(Understanding reading)
    {
        var data = new JsonObject();
        void Put(string field, string key)
        {
            if (IntentText.Value(reading, key) is { } value) data[field] = value;
        }
        Put("date", "date");
        Put("time", "time");
        Put("duration", "duration_minutes");
        Put("interviewee", "contact");
        Put("location", "location");
        return new CommandInput(IntentText.Value(reading, "client"), data);
    }

    private static IntentCall List(Understanding reading) =>
        new(IntentText.Value(reading, "scope") is "team" or "company" ? VisitActions.Team : VisitActions.Mine, new CommandInput(IntentText.Days(reading), null));

}
