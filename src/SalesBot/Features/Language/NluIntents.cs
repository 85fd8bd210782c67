namespace SalesBot.Features.Language;

/// <summary>The 22 intents of the natural-language contract (../shared/spec/NLU.md), by their codes.</summary>
public static class NluIntents
{
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string LogVisit = "log_visit";
    public const string ScheduleVisit = "schedule_visit";
    public const string RescheduleVisit = "reschedule_visit";
    public const string CancelVisit = "cancel_visit";
    public const string ListVisits = "list_visits";
    public const string CreateClient = "create_client";
    public const string FindClient = "find_client";
    public const string CreateOpportunity = "create_opportunity";
    public const string MoveOpportunityStage = "move_opportunity_stage";
    public const string MarkOpportunityLost = "mark_opportunity_lost";
    public const string ShowPipeline = "show_pipeline";
    public const string SubmitOffer = "submit_offer";
    public const string ListPendingApprovals = "list_pending_approvals";
    public const string RegisterPqr = "register_pqr";
    public const string ListPqrs = "list_pqrs";
    public const string PqrDueDate = "pqr_due_date";
    public const string ShowIndicator = "show_indicator";
    public const string MonthlyReport = "monthly_report";
    public const string SubscribeDigest = "subscribe_digest";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All =
    [
        Greeting, Help, LogVisit, ScheduleVisit, RescheduleVisit, CancelVisit, ListVisits, CreateClient, FindClient,
        CreateOpportunity, MoveOpportunityStage, MarkOpportunityLost, ShowPipeline, SubmitOffer, ListPendingApprovals,
        RegisterPqr, ListPqrs, PqrDueDate, ShowIndicator, MonthlyReport, SubscribeDigest, None,
    ];
}
