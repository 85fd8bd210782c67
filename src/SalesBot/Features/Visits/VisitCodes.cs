namespace SalesBot.Features.Visits;

public static class VisitCodes
{
    public static readonly CodeTable<VisitType> Types = new(
        (VisitType.Prospecting, "prospecting", ["prospeccion", "prospectar", "nuevo cliente"]),
        (VisitType.FollowUp, "follow-up", ["seguimiento", "follow up"]),
        (VisitType.Loyalty, "loyalty", ["fidelizacion", "fidelización"]),
        (VisitType.QualityCheck, "quality-check", ["calidad", "postventa", "posventa", "verificacion de calidad", "after sale"]),
        (VisitType.Collections, "collections", ["cobranza", "cartera", "recaudo", "cobro"]));

    public static readonly CodeTable<VisitOutcome> Outcomes = new(
        (VisitOutcome.Interested, "interested", ["interesado", "con interes"]),
        (VisitOutcome.NotInterested, "not-interested", ["no interesado", "sin interes"]),
        (VisitOutcome.FollowUpNeeded, "follow-up-needed", ["requiere seguimiento", "pendiente"]),
        (VisitOutcome.SignedUp, "signed-up", ["vinculacion", "vinculado", "firmo", "cerrado"]),
        (VisitOutcome.ClientAbsent, "client-absent", ["no atendio", "ausente", "no se realizo"]));

    public static string Code(this VisitType type) => Types.Code(type);

    public static string Code(this VisitOutcome outcome) => Outcomes.Code(outcome);
}
