using SalesBot.Features.Language;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// How people speak of visits: cancelled or moved first ("ya no voy", "pásala al jueves"); logged
/// when said in so many words ("anota la visita") or told in the past ("vengo de", "estuve con");
/// listed when asked for ("¿qué visitas tengo mañana?"); scheduled when booked, or when a visit
/// comes with a day and nothing else was said.
/// </summary>
public static class VisitPhrases
{
    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.CancelVisit, PhraseOrder.VisitChange, s => (s.NamesVisit || s.Date is not null)
            && s.Has("cancel*", "anul*", "ya no voy", "no voy a poder ir", "no puedo ir", "call off", "suspend*", "quit* la visita", "quit* la cita", "quit* la reunion",
                "borra* la visita", "borr* la cita", "scrap", "drop the")),
        new(NluIntents.RescheduleVisit, PhraseOrder.VisitChange, s => s.Has("reprogram*", "reagend*", "reschedul*", "pospon*", "postpone*", "aplaz*", "adelant*", "corre* la",
                "corre* mi", "push back", "push my", "move my", "move the", "cambi* la visita", "cambi* la cita", "cambi* la reunion", "cambi* mi visita", "muev* la", "muev* mi",
                "pasa* la visita", "pasa* la cita", "pasa* la reunion", "recorr*", "misma hora", "same time")
            || s.NamesVisit && s.Has("pasela", "pasala", "pasamela", "pasemela", "muevala", "cambiala", "cambiela", "push*", "move*", "muev*")
            || s.Has("muev* lo de", "pas* lo de", "cambi* lo de") && s.Date is not null && !s.NamesStage),
        new(NluIntents.LogVisit, PhraseOrder.VisitLog, s => s.Has("anot* la visita", "anot* una visita", "anot* esa visita", "anot* mi visita", "regist* la visita",
            "regist* una visita", "regist* esa visita", "regist* mi visita", "record a visit", "record the visit", "record my visit", "log a visit", "log the visit", "log my visit")),
        new(NluIntents.ListVisits, PhraseOrder.VisitList, s => s.Has("visit schedule", "visits schedule", "agenda de visitas", "calendario de visitas") && !s.Has("agend* una", "schedule a", "book*")
            || s.Has("que visitas", "cuales visitas", "mis visitas", "my visits", "visitas tengo", "visitas de hoy", "visitas de manana", "visitas del equipo", "visitas de la semana",
                "visitas esta semana", "visitas para", "mi agenda", "my schedule", "my agenda", "what visits", "whats on my", "what do i have", "que tengo hoy", "que tengo manana",
                "que tengo para", "agenda de hoy", "agenda de manana", "agenda del", "visits do i have", "visits this week", "visits today", "visits tomorrow", "team's visits")
            || s.Has("visitas", "visits", "meetings") && s.Period is not null && !s.Has("agend*", "program*", "schedule*", "book*")),
        new(NluIntents.LogVisit, PhraseOrder.VisitDone, s => s.Has("visite", "ya visite", "fui a", "fui donde", "fuimos a", "estuve con", "estuve en", "estuvimos", "vengo de",
            "acabo de", "me reuni", "nos reunimos", "hable con", "registra* la visita", "registra* una visita", "registra* visita", "anota* la visita", "anota* una visita",
            "anote la visita", "log a visit", "log the visit", "log my visit", "log visit", "i visited", "visited", "met with", "i met", "we met", "had a meeting",
            "tuve una reunion", "tuve la reunion", "tuve visita", "pase por", "llegue de", "sali de", "just left", "just visited", "came back from", "went to", "we went",
            "i went", "stopped by", "dropped by", "estuve donde", "fui al", "fui a la")),
        new(NluIntents.ScheduleVisit, PhraseOrder.VisitSchedule, s => s.Has("agend*", "program*", "cuadr*", "schedule*", "book*", "set up", "arma* una", "separa*", "aparta*",
                "visitar", "quiero visitar", "meeting with", "cita con", "reunion con", "visita a", "visita con", "visita al", "una visita", "visit to", "a visit")
            || s.NamesVisit && s.Date is not null),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.ScheduleVisit, "agendar visita"),
        new(NluIntents.ScheduleVisit, "programar visita"),
        new(NluIntents.ScheduleVisit, "schedule visit"),
        new(NluIntents.LogVisit, "registrar visita"),
        new(NluIntents.LogVisit, "log visit"),
        new(NluIntents.RescheduleVisit, "reprogramar visita"),
        new(NluIntents.RescheduleVisit, "reschedule visit"),
        new(NluIntents.CancelVisit, "cancelar visita"),
        new(NluIntents.CancelVisit, "cancel visit"),
        new(NluIntents.ListVisits, "mis visitas"),
        new(NluIntents.ListVisits, "my visits"),
    ];
}
