using SalesBot.Bot;
using SalesBot.Features.Language;
using SalesBot.Features.Language.Conversation;

namespace SalesBot.Features.Reports.Conversation;

/// <summary>"pásame el informe mensual del equipo de octubre": the monthly report card, as "informe mensual 2026-10 equipo".</summary>
public static class ReportIntents
{
    public static IServiceCollection AddReportIntents(this IServiceCollection services) => services
        .AddIntent(NluIntents.MonthlyReport, (r, turn) => new IntentCall(ReportActions.Monthly,
            new CommandInput(IntentText.Join(IntentText.Value(r, "period"), IntentText.Scope(r, turn)), null)), ReportActions.Monthly)
        .AddIntentPhrases(ReportPhrases.All, ReportPhrases.Examples);
}
