using SalesBot.Features.Language;

namespace SalesBot.Features.Reports.Conversation;

/// <summary>How people ask for the monthly report: it names itself ("informe mensual", "monthly report").</summary>
public static class ReportPhrases
{
    public static readonly IntentPhrase[] All =
    [
        new(NluIntents.MonthlyReport, PhraseOrder.Report, s => s.Has("informe mensual", "reporte mensual", "informe del mes", "reporte del mes", "informe de cierre",
            "monthly report", "month report", "report for the month")),
    ];

    public static readonly IntentExample[] Examples =
    [
        new(NluIntents.MonthlyReport, "informe mensual"),
        new(NluIntents.MonthlyReport, "reporte mensual"),
        new(NluIntents.MonthlyReport, "monthly report"),
    ];
}
